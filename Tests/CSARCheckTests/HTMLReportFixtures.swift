import Foundation

@testable import CSARCheck

/// Run reports built in code for the HTML report's tests and browser samples: a passing gate, a failing
/// gate, a one-minute open-model load run, and a report with hostile text in every string it holds.
enum HTMLReportFixtures {
    static let start = Date(timeIntervalSince1970: 1_795_000_000)
    static let base = "https://csar.example.sn"

    static func passing() throws -> RunReport {
        RunReport(
            command: "gate", target: base, hostname: "ci-runner-1", startedAt: start, finishedAt: start + 3.25,
            verdict: VerdictReport(passed: true, exitCode: 0, headline: "PASSED — 1 scenario, 3 steps, 2 criteria"),
            criteria: [try criterion("max < 2s", measured: 0.412), try criterion("http_5xx == 0", measured: 0)],
            scenarios: [ScenarioReport(scenario(steps: [homeStep(), loginStep(), submitStep(passed: true)]))])
    }

    static func failing() throws -> RunReport {
        RunReport(
            command: "gate", target: base, hostname: "ci-runner-1", startedAt: start, finishedAt: start + 5.5,
            verdict: VerdictReport(
                passed: false, exitCode: 1, headline: "FAILED — Submit demande: status expected 302, got 500",
                failures: ["Submit demande: status expected 302, got 500", "criterion max < 2s: max = 2.412 s"],
                warnings: ["criterion p95 < 1s (warning): p95 = 1.2 s"]),
            criteria: [
                try criterion("max < 2s", measured: 2.412), try criterion("http_5xx == 0", measured: 1),
                try criterion("p95 < 1s", measured: 1.2, severity: .warning),
                try criterion("availability >= 99.5%", measured: 100),
            ],
            scenarios: [
                ScenarioReport(scenario(steps: [homeStep(), loginStep(), submitStep(passed: false), skippedStep()])),
                ScenarioReport(scenario(name: "Warehouse map", steps: [unreachableStep()])),
            ],
            notes: ["The site answered 503 with the maintenance page on /up."])
    }

    static func load(seconds: Int = 60) throws -> RunReport {
        let rate = 50.0
        var latencies: [UInt64] = []
        var timeline: [SecondBucket] = []
        for second in 0..<seconds {
            let slow: UInt64 = (40...44).contains(second % 60) ? 180_000 : 0
            let (clientErrors, serverErrors) = (second % 60 == 10 ? 3 : 1, second % 60 == 42 ? 5 : 0)
            let transportErrors = second % 60 == 43 ? 1 : 0
            let p50 = 18_000 + UInt64(second % 7) * 900 + slow / 3
            timeline.append(
                SecondBucket(
                    second: second, requests: 50, ok: 50 - clientErrors - serverErrors - transportErrors,
                    clientErrors: clientErrors,
                    serverErrors: serverErrors, transportErrors: transportErrors,
                    p50: p50, p95: p50 * 2 + slow / 2, p99: p50 * 3 + slow))
            latencies += (0..<50).map { p50 / 2 + UInt64($0 * $0) * 30 + ($0 == 49 ? slow : 0) }
        }
        let plan = LoadFixtures.plan(
            model: .open(rate: rate), requests: nil, duration: Double(seconds), concurrency: 50)
        var result = LoadFixtures.result(
            plan: plan, latencies: latencies, statuses: Array(repeating: 200, count: 48) + [404, 503], failures: 2,
            wallTime: Double(seconds))
        result.timeline = timeline
        result.startedAt = start
        result.schedule = ScheduleReport(
            targetRate: rate, achievedRate: 49.6, sent: Int(rate) * seconds, late: 12, queued: 3, maxLag: 0.084)
        result.warnings = ["The generator fell behind the schedule 12 times (max lag 84 ms)."]
        var load = LoadReport(name: "Home page, 50 req/s", result: result)
        load.transportErrors = [
            TransportErrorCount(
                phase: .timeout, count: 2,
                example: "https://csar.example.sn/: failed during waiting (timeout): Operation timed out")
        ]
        return RunReport(
            command: "load", target: base, hostname: "ci-runner-1", startedAt: start,
            finishedAt: start + Double(seconds) + 0.4,
            verdict: VerdictReport(
                passed: true, exitCode: 0, headline: "PASSED — 3000 requests, 3 criteria", warnings: result.warnings),
            criteria: [try criterion("p95 < 2s", measured: 0.21, scope: "load: home")], loads: [load])
    }

    // MARK: Pieces

    static func criterion(
        _ text: String, measured: Double, severity: Criterion.Severity = .error, scope: String = "run"
    ) throws -> CriterionReport {
        let location = SourceLocation(file: "Scenarios/gate.yaml", line: 4, column: 5)
        let criterion = try Criterion(parsing: text, severity: severity, location: location)
        return CriterionReport(CriterionResult(criterion: criterion, scope: scope, measured: measured))
    }

    static func scenario(name: String = "Demande form", steps: [StepResult]) -> ScenarioResult {
        ScenarioResult(
            name: name, file: "Scenarios/demande-form.yaml", baseURL: base, steps: steps, startedAt: start,
            duration: steps.reduce(0) { $0 + $1.duration })
    }

    static func step(
        _ name: String, line: Int, outcome: StepResult.Outcome = .passed, request: RequestRecord?,
        response: ResponseRecord?,
        assertions: [AssertionResult] = [], captures: [CapturedValue] = []
    ) -> StepResult {
        StepResult(
            name: name, location: SourceLocation(file: "Scenarios/demande-form.yaml", line: line, column: 5),
            outcome: outcome,
            request: request, response: response, transportError: nil, problem: nil, assertions: assertions,
            captures: captures, captureFailures: [], attempts: 1, startedAt: start)
    }

    static func assertion(
        _ title: String, line: Int, key: String = "status", failure: CheckFailure? = nil
    )
        -> AssertionResult
    {
        AssertionResult(
            key: key, location: SourceLocation(file: "Scenarios/demande-form.yaml", line: line, column: 9),
            title: title, failure: failure)
    }

    static func response(
        _ status: Int, total: Double, body: String,
        headers: [HTTPHeader] = [HTTPHeader("Content-Type", "text/html; charset=UTF-8")]
    ) -> ResponseRecord {
        let timings = HTTPTimings(
            dnsDone: 0.004, connectDone: 0.012, tlsDone: 0.041, firstByte: total - 0.006, total: total)
        return ResponseRecord(
            status: status, httpVersion: "2", headers: headers, bodyExcerpt: body, bodySize: body.utf8.count * 4,
            timings: timings, effectiveURL: "")
    }

    static func homeStep() -> StepResult {
        step(
            "Home page", line: 8,
            request: RequestRecord(method: "GET", url: base + "/", headers: [HTTPHeader("Accept", "text/html")]),
            response: response(200, total: 0.182, body: "<!doctype html><title>CSAR</title>"),
            assertions: [assertion("status 200", line: 10), assertion("body contains \"CSAR\"", line: 11, key: "body")])
    }

    static func loginStep() -> StepResult {
        step(
            "Log in", line: 14,
            request: RequestRecord(
                method: "POST", url: base + "/login", headers: [HTTPHeader("Cookie", "csar_session=••••")],
                bodyExcerpt: "_token=••••&email=agent%40csar.sn&password=••••"),
            response: response(302, total: 0.094, body: "", headers: [HTTPHeader("Location", base + "/admin")]),
            assertions: [assertion("status 302", line: 20)],
            captures: [CapturedValue(name: "csrf", displayValue: "••••", secret: true)])
    }

    static func submitStep(passed: Bool) -> StepResult {
        let failure = passed ? nil : CheckFailure(expected: "302", actual: "500")
        return step(
            "Submit demande", line: 24, outcome: passed ? .passed : .failed,
            request: RequestRecord(
                method: "POST", url: base + "/demandes",
                headers: [HTTPHeader("Content-Type", "application/x-www-form-urlencoded")],
                bodyExcerpt: "nom=Diop&prenom=Awa&region=Thi%C3%A8s"),
            response: response(
                passed ? 302 : 500, total: passed ? 0.412 : 2.412, body: passed ? "" : "<h1>Server Error</h1>"),
            assertions: [
                assertion("status 302", line: 30, failure: failure),
                assertion("header Location matches /demandes/", line: 31, key: "header"),
            ],
            captures: passed ? [CapturedValue(name: "reference", displayValue: "DEM-2026-000042", secret: false)] : [])
    }

    static func skippedStep() -> StepResult {
        var skipped = step("Show demande", line: 36, outcome: .skipped, request: nil, response: nil)
        skipped.problem = "needs {{ reference }}, which the step \"Submit demande\" did not capture"
        return skipped
    }

    static func unreachableStep() -> StepResult {
        var failed = step(
            "Map tiles", line: 5, outcome: .error,
            request: RequestRecord(method: "GET", url: base + "/carte/tuiles", headers: []), response: nil)
        failed.transportError = TransportError(
            url: base + "/carte/tuiles", phase: .timeout, code: 28, message: "Operation timed out after 10001 ms")
        return failed
    }
}
