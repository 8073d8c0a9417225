import Foundation

@testable import CSARCheck

/// A report whose every string is an injection attempt, as a hostile page or a hostile scenario could
/// make them: script tags, attribute break-outs, a closing style tag, `javascript:` URLs, CDATA ends.
enum HTMLReportHostileFixture {
    static let payloads = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(2)>",
        "'><svg onload=alert(3)>",
        "</style><script>alert(4)</script>",
        "javascript:alert(5)",
        "]]><iframe src=\"https://evil.example/x\"></iframe>",
        "</title></textarea><a href=\"http://evil.example/\">x</a>",
        "<link rel=stylesheet href=//evil.example/s.css>",
    ]
    static let text = payloads.joined(separator: " ")

    static func report() throws -> RunReport {
        var report = try HTMLReportFixtures.failing()
        let load = try HTMLReportFixtures.load(seconds: 5)
        report.command = text
        report.target = text
        report.hostname = text
        report.notes = [text]
        report.verdict.headline = text
        report.verdict.failures = [text]
        report.verdict.warnings = [text]
        report.criteria = report.criteria.map { criterion in
            var criterion = criterion
            (criterion.expression, criterion.scope, criterion.measuredText, criterion.location) = (
                text, text, text, text
            )
            return criterion
        }
        report.scenarios = report.scenarios.map(hostile)
        report.loads = load.loads.map(hostile)
        return report
    }

    static func hostile(_ scenario: ScenarioReport) -> ScenarioReport {
        var scenario = scenario
        (scenario.name, scenario.file, scenario.baseURL, scenario.setupError, scenario.notes) = (
            text, text, text, text, [text]
        )
        scenario.steps = scenario.steps.map(hostile)
        return scenario
    }

    static func hostile(_ step: StepReport) -> StepReport {
        var step = step
        (step.name, step.location, step.outcome, step.problem, step.captureFailures) = (text, text, text, text, [text])
        let headers = [HeaderReport(name: text, value: text)]
        if step.request != nil {
            step.request?.method = text
            step.request?.url = text
            step.request?.headers = headers
            step.request?.body = text
        }
        if step.response != nil {
            step.response?.httpVersion = text
            step.response?.headers = headers
            step.response?.bodyExcerpt = text
            step.response?.effectiveURL = text
        }
        if step.error != nil {
            step.error?.url = text
            step.error?.phase = text
            step.error?.message = text
        }
        step.assertions = step.assertions.map { assertion in
            var assertion = assertion
            (assertion.title, assertion.key, assertion.location, assertion.expected, assertion.actual) = (
                text, text, text, text, text
            )
            return assertion
        }
        step.captures = [CaptureReport(name: text, value: text, secret: false)]
        return step
    }

    static func hostile(_ load: LoadReport) -> LoadReport {
        var load = load
        load.name = text
        load.plan.method = text
        load.plan.urls = [text, text]
        load.stopReason = text
        load.warnings = [text]
        load.transportErrors = load.transportErrors.map {
            TransportErrorCount(phase: $0.phase, count: $0.count, example: text)
        }
        return load
    }
}
