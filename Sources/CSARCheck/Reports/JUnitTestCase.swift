/// One JUnit testcase: a step, a criterion, or a scenario's setup when it could not start.
struct TestCase {
    enum Kind: Equatable { case passed, failure, error, skipped }

    var name: String
    var time: Double
    var kind: Kind
    var type: String
    var message: String
    var body: String

    /// Steps of a scenario, names made unique so classname + name identify each testcase.
    static func cases(of scenario: ScenarioReport) -> [TestCase] {
        if let setupError = scenario.setupError {
            return [
                TestCase(
                    name: "setup", time: 0, kind: .error, type: "configuration", message: setupError, body: setupError)
            ]
        }
        var seen: [String: Int] = [:]
        return scenario.steps.map { step in
            let occurrence = (seen[step.name] ?? 0) + 1
            seen[step.name] = occurrence
            var testCase = TestCase(step: step, name: occurrence == 1 ? step.name : "\(step.name) (\(occurrence))")
            // What explains the failure as a whole (maintenance mode) is shown where CI tools show failures.
            if testCase.kind == .failure || testCase.kind == .error, !scenario.notes.isEmpty {
                let notes = scenario.notes.map { "note: \($0)" }
                testCase.message = ([testCase.message] + notes).joined(separator: " — ")
                testCase.body = (notes + [testCase.body]).joined(separator: "\n")
            }
            return testCase
        }
    }

    static func cases(of criteria: [CriterionReport]) -> [TestCase] {
        var seen: [String: Int] = [:]
        return criteria.map { criterion in
            let base = "\(criterion.scope) / \(criterion.expression)"
            let occurrence = (seen[base] ?? 0) + 1
            seen[base] = occurrence
            let name = occurrence == 1 ? base : "\(base) (\(occurrence))"
            let message = "expected \(criterion.expression), measured \(criterion.measuredText)"
            // A warning that does not hold does not fail the build: it passes, and its suite's system-out says it.
            let kind: Kind = criterion.passed || criterion.severity == .warning ? .passed : .failure
            return TestCase(
                name: name, time: 0, kind: kind, type: "criterion", message: message,
                body: message + (criterion.location.map { "\nat \($0)" } ?? ""))
        }
    }

    init(name: String, time: Double, kind: Kind, type: String, message: String, body: String) {
        self.name = name
        self.time = time
        self.kind = kind
        self.type = type
        self.message = message
        self.body = body
    }

    init(step: StepReport, name: String) {
        self.name = name
        time = step.timings?.total ?? 0
        body = StepTranscriptText.text(of: step)
        switch step.outcome {
        case "passed":
            kind = .passed
            type = ""
            message = ""
        case "skipped":
            kind = .skipped
            type = "skipped"
            message = step.problem ?? "skipped"
        case "error":
            kind = .error
            type = step.error?.phase ?? "error"
            message =
                step.error.map { "\($0.url): failed during \($0.phase): \($0.message)" } ?? step.problem
                ?? "transfer failed"
            if let hint = step.error?.hint ?? step.hint { message += " — hint: \(hint)" }
        default:
            kind = .failure
            let failed = step.assertions.filter { !$0.passed }
            type = failed.isEmpty ? "capture" : "assertion"
            message =
                (failed.map { "\($0.title): expected \($0.expected ?? ""), got \($0.actual ?? "")" }
                + step.captureFailures)
                .joined(separator: "; ")
            if let hint = step.hint { message += " — hint: \(hint)" }
            body = failed.map { "\($0.location) \($0.key): \($0.title)" }.joined(separator: "\n") + "\n\n" + body
        }
    }

    func xml(className: String) -> String {
        let open =
            "    <testcase \(JUnitReport.attributes([("name", name), ("classname", className), ("time", JUnitReport.seconds(time))]))"
        switch kind {
        case .passed:
            return open + "/>\n"
        case .skipped:
            return open + ">\n      <skipped \(JUnitReport.attributes([("message", message)]))/>\n    </testcase>\n"
        case .failure, .error:
            let element = kind == .failure ? "failure" : "error"
            return open + ">\n      <\(element) \(JUnitReport.attributes([("type", type), ("message", message)]))>"
                + XMLText.escape(body) + "</\(element)>\n    </testcase>\n"
        }
    }
}
