import Foundation

/// Renders results as JUnit XML that CI test reporters read (valid against the Ant JUnit schema):
/// one testsuite per scenario file, one testcase per step, failures with type, message and the masked
/// transcript.
public struct JUnitReport {
    public var results: [ScenarioResult]
    public var hostname: String

    public init(results: [ScenarioResult], hostname: String = ProcessInfo.processInfo.hostName) {
        self.results = results
        self.hostname = hostname.isEmpty ? "localhost" : hostname
    }

    public func xml() -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n"
        for (index, result) in results.enumerated() {
            xml += suite(result, id: index)
        }
        return xml + "</testsuites>\n"
    }

    private func suite(_ result: ScenarioResult, id: Int) -> String {
        let cases = TestCase.cases(of: result)
        let className = URL(fileURLWithPath: result.file).deletingPathExtension().lastPathComponent
        func count(_ kind: TestCase.Kind) -> String { String(cases.filter { $0.kind == kind }.count) }
        let attributes: [(String, String)] = [
            ("name", result.name), ("package", className), ("id", String(id)),
            ("timestamp", Self.timestamp(result.startedAt)), ("hostname", hostname),
            ("tests", String(cases.count)), ("failures", count(.failure)), ("errors", count(.error)),
            ("skipped", count(.skipped)), ("time", Self.seconds(result.duration)),
        ]
        var xml = "  <testsuite \(Self.attributes(attributes))>\n"
        xml += "    <properties>\n"
        for (name, value) in [("file", result.file), ("target", result.baseURL), ("tool", "csar-check \(CSARCheckVersion.current)")] {
            xml += "      <property name=\"\(XMLText.escape(name))\" value=\"\(XMLText.escape(value))\"/>\n"
        }
        xml += "    </properties>\n"
        for testCase in cases {
            xml += testCase.xml(className: className)
        }
        xml += "    <system-out></system-out>\n    <system-err>\(XMLText.escape(result.setupError ?? ""))</system-err>\n"
        return xml + "  </testsuite>\n"
    }

    static func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { "\($0.0)=\"\(XMLText.escape($0.1))\"" }.joined(separator: " ")
    }

    /// The schema wants local time without a zone; UTC is written, as most CI tools assume.
    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss"
        return formatter.string(from: date)
    }

    static func seconds(_ value: Double) -> String {
        String(format: "%.3f", max(0, value))
    }
}

/// One JUnit testcase: a step, or the scenario's setup when it could not start.
struct TestCase {
    enum Kind: Equatable { case passed, failure, error, skipped }

    var name: String
    var time: Double
    var kind: Kind
    var type: String
    var message: String
    var body: String

    static func cases(of result: ScenarioResult) -> [TestCase] {
        if let setupError = result.setupError {
            return [TestCase(name: "setup", time: 0, kind: .error, type: "configuration", message: setupError, body: setupError)]
        }
        var seen: [String: Int] = [:]
        return result.steps.map { step in
            let occurrence = (seen[step.name] ?? 0) + 1
            seen[step.name] = occurrence
            let name = occurrence == 1 ? step.name : "\(step.name) (\(occurrence))"
            return TestCase(step: step, name: name)
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

    init(step: StepResult, name: String) {
        self.name = name
        time = step.duration
        body = StepTranscriptText.text(of: step)
        switch step.outcome {
        case .passed:
            kind = .passed; type = ""; message = ""
        case .skipped:
            kind = .skipped; type = "skipped"; message = step.problem ?? "skipped"
        case .error:
            kind = .error
            type = step.transportError?.phase.rawValue ?? "error"
            message = step.transportError?.description ?? step.problem ?? "transfer failed"
        case .failed:
            kind = .failure
            let failures = step.failedAssertions.map { "\($0.title): expected \($0.failure?.expected ?? ""), got \($0.failure?.actual ?? "")" }
                + step.captureFailures
            type = step.failedAssertions.isEmpty ? "capture" : "assertion"
            message = failures.joined(separator: "; ")
            body = step.failedAssertions.map { "\($0.location) \($0.key): \($0.title)" }.joined(separator: "\n") + "\n\n" + body
        }
    }

    func xml(className: String) -> String {
        let open = "    <testcase \(JUnitReport.attributes([("name", name), ("classname", className), ("time", JUnitReport.seconds(time))]))"
        switch kind {
        case .passed:
            return open + "/>\n"
        case .skipped:
            return open + ">\n      <skipped message=\"\(XMLText.escape(message))\"/>\n    </testcase>\n"
        case .failure, .error:
            let element = kind == .failure ? "failure" : "error"
            return open + ">\n      <\(element) \(JUnitReport.attributes([("type", type), ("message", message)]))>"
                + XMLText.escape(body) + "</\(element)>\n    </testcase>\n"
        }
    }
}
