import Foundation

/// Renders a run as JUnit XML that CI test reporters read (valid against the Ant JUnit schema): one
/// testsuite per scenario file with one testcase per step, and a `criteria` testsuite with one testcase
/// per criterion. Failures carry a type, a message (expected vs measured, the step's hint, the scenario's
/// notes such as maintenance mode) and the masked transcript. A warning that did not hold passes, said in
/// its suite's `system-out` (CI tools show `skipped` as a test that did not run); an interrupted run ends
/// with a `run` testsuite whose `interrupted` testcase is an error, so it never reads as all-passing.
public struct JUnitReport {
    public var report: RunReport

    public init(report: RunReport) {
        self.report = report
    }

    public func xml() -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n"
        var id = 0
        for scenario in report.scenarios {
            let className = URL(fileURLWithPath: scenario.file).deletingPathExtension().lastPathComponent
            let cases = TestCase.cases(of: scenario)
            xml += suite(
                name: scenario.name, package: className, id: id, startedAt: scenario.startedAt, time: scenario.duration,
                cases: cases, className: className,
                properties: [("file", scenario.file)],
                systemErr: ([scenario.setupError].compactMap { $0 } + scenario.notes),
                systemOut: Self.stepFindings(of: scenario)
            )
            id += 1
        }
        let duration = report.finishedAt.timeIntervalSince(report.startedAt)
        if !report.criteria.isEmpty {
            let warnings = report.criteria.filter { !$0.passed && $0.severity == .warning }.map {
                "warning: \($0.scope) / \($0.expression): measured \($0.measuredText)"
            }
            xml += suite(
                name: "criteria", package: "criteria", id: id, startedAt: report.startedAt, time: duration,
                cases: TestCase.cases(of: report.criteria), className: "criteria", properties: [], systemErr: [],
                systemOut: warnings
            )
            id += 1
        }
        if report.interrupted {
            let message =
                "the run was interrupted: results are partial (\(report.scenarios.count) scenario file(s) ran)"
            let interrupted = TestCase(
                name: "interrupted", time: duration, kind: .error, type: "interrupted", message: message, body: message)
            xml += suite(
                name: "run", package: "run", id: id, startedAt: report.startedAt, time: duration, cases: [interrupted],
                className: "run", properties: [], systemErr: [message])
        }
        return xml + "</testsuites>\n"
    }

    /// What passing testcases cannot carry in the schema: each step's summary (a certificate's subject, issuer
    /// and days to expiry) and each `warn:` check that did not hold.
    static func stepFindings(of scenario: ScenarioReport) -> [String] {
        scenario.steps.flatMap { step in
            (step.summary.map { ["\(step.name): \($0)"] } ?? [])
                + step.warnings.filter { !$0.passed }.map {
                    "warning: \(step.name): \($0.title): expected \($0.expected ?? ""), got \($0.actual ?? "")"
                        + (step.hint.map { " — hint: \($0)" } ?? "")
                }
        }
    }

    private func suite(
        name: String, package: String, id: Int, startedAt: Date, time: Double, cases: [TestCase], className: String,
        properties: [(String, String)], systemErr: [String], systemOut: [String] = []
    ) -> String {
        func count(_ kind: TestCase.Kind) -> String { String(cases.filter { $0.kind == kind }.count) }
        let attributes: [(String, String)] = [
            ("name", name), ("package", package), ("id", String(id)), ("timestamp", Self.timestamp(startedAt)),
            ("hostname", report.hostname), ("tests", String(cases.count)), ("failures", count(.failure)),
            ("errors", count(.error)), ("skipped", count(.skipped)), ("time", Self.seconds(time)),
        ]
        var xml = "  <testsuite \(Self.attributes(attributes))>\n    <properties>\n"
        let common =
            [
                ("target", report.target), ("tool", report.tool), ("command", report.command),
                ("started", Self.timestamp(report.startedAt) + "Z"),
            ] + (report.scenarioFolder.map { [("scenarios", $0)] } ?? [])
        for (key, value) in properties + common {
            xml += "      <property \(Self.attributes([("name", key), ("value", value)]))/>\n"
        }
        xml += "    </properties>\n"
        for testCase in cases { xml += testCase.xml(className: className) }
        xml += "    <system-out>\(XMLText.escape(systemOut.joined(separator: "\n")))</system-out>\n"
        xml += "    <system-err>\(XMLText.escape(systemErr.joined(separator: "\n")))</system-err>\n"
        return xml + "  </testsuite>\n"
    }

    package static func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { "\($0.0)=\"\(XMLText.escape($0.1))\"" }.joined(separator: " ")
    }

    /// The schema wants a time without a zone; UTC is written.
    package static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss"
        return formatter.string(from: date)
    }

    package static func seconds(_ value: Double) -> String {
        String(format: "%.3f", max(0, value))
    }
}
