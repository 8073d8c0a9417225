import Foundation

/// Everything a run produced, in the shape every report is written from: the JSON report is this value
/// encoded, the HTML and JUnit reports render it. Secrets are already masked in it. Versioned, so runs
/// can be compared and merged later.
public struct RunReport: Codable, Sendable {
    /// Bumped when a field changes meaning or is removed (adding fields keeps the version).
    public static let currentSchemaVersion = 1

    public var schema = "https://csar.sn/csar-check/run-report"
    public var schemaVersion = RunReport.currentSchemaVersion
    public var tool: String
    /// The command that ran: `gate`, `demo`, `run`, `smoke`, `load`.
    public var command: String
    public var target: String
    public var hostname: String
    public var startedAt: Date
    public var finishedAt: Date
    /// True when Ctrl-C or a signal cut the run short: the report holds what was done until then.
    public var interrupted: Bool
    public var verdict: VerdictReport
    public var criteria: [CriterionReport]
    public var scenarios: [ScenarioReport]
    public var loads: [LoadReport]
    /// Run-wide explanations in plain words (maintenance mode, bypass used).
    public var notes: [String]
    /// The shipped scenario folder the run's files came from (`/usr/share/csar-check/scenarios`), when one was
    /// searched for.
    public var scenarioFolder: String?

    public init(
        command: String, target: String, hostname: String = ProcessInfo.processInfo.hostName,
        startedAt: Date, finishedAt: Date, interrupted: Bool = false, verdict: VerdictReport,
        criteria: [CriterionReport] = [], scenarios: [ScenarioReport] = [], loads: [LoadReport] = [],
        notes: [String] = []
    ) {
        tool = "csar-check \(CSARCheckVersion.current)"
        self.command = command
        self.target = target
        self.hostname = hostname.isEmpty ? "localhost" : hostname
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.interrupted = interrupted
        self.verdict = verdict
        self.criteria = criteria
        self.scenarios = scenarios
        self.loads = loads
        self.notes = notes
    }
}

/// The run's outcome as the banner shows it.
public struct VerdictReport: Codable, Sendable {
    public var passed: Bool
    /// The process exit code: 0 passed, 1 failed, 2 configuration error, 3 unreachable.
    public var exitCode: Int32
    /// One line: `PASSED — 4 scenarios, 23 steps, 5 criteria` or what failed first.
    public var headline: String
    /// Every reason the run failed, one line each.
    public var failures: [String]
    /// Warnings (criteria of warning severity that did not hold, load warnings).
    public var warnings: [String]

    public init(passed: Bool, exitCode: Int32, headline: String, failures: [String] = [], warnings: [String] = []) {
        self.passed = passed
        self.exitCode = exitCode
        self.headline = headline
        self.failures = failures
        self.warnings = warnings
    }
}

/// A criterion with its measured value.
public struct CriterionReport: Codable, Sendable {
    public var expression: String
    public var severity: Criterion.Severity
    /// `run`, or `scenario: NAME`, `step: NAME`, `load: NAME`.
    public var scope: String
    /// In the metric's base unit (seconds, count, percent, per second); nil when nothing was measured.
    public var measured: Double?
    /// `p95 = 1.234 s`.
    public var measuredText: String
    public var passed: Bool
    /// `file:line:column`, or nil for the runbook's defaults.
    public var location: String?

    public init(_ result: CriterionResult) {
        expression = result.criterion.source
        severity = result.criterion.severity
        scope = result.scope
        measured = result.measured
        measuredText = result.measuredText
        passed = result.passed
        location = result.criterion.location?.description
    }
}
