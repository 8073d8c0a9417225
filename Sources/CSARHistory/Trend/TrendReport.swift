import Foundation

/// Everything a trend concluded, in the shape every trend report is written from: `trend.json` is
/// this value encoded; `trend.html`, `trend-junit.xml` and the verdict block render it.
public struct TrendReport: Codable, Sendable {
    public static let currentSchemaVersion = 1

    public var schema = "https://csar.sn/csar-check/trend-report"
    public var schemaVersion = TrendReport.currentSchemaVersion
    public var tool: String
    public var history: String
    public var generatedAt: Date
    public var settings: TrendSettings
    /// How the window was chosen: `the last 30 runs` or `from run #12 (--baseline)`.
    public var window: String
    /// Every run of the window, oldest first, comparable or not.
    public var runs: [RunSummary]
    public var series: [SeriesAnalysis]
    public var verdict: Verdict

    public struct RunSummary: Codable, Sendable {
        public var id: Int64
        public var startedAt: Date
        public var command: String
        public var target: String
        public var labels: [RunLabel]
        public var exitCode: Int32
        public var headline: String
        /// False for interrupted runs and runs that could not reach the target: left out of every series.
        public var comparable: Bool
        public var loads: [LoadSummary]
        /// Step name and outcome for the runs table's details.
        public var steps: [StepSummary]
    }

    public struct LoadSummary: Codable, Sendable {
        public var name: String
        public var requests: Int
        public var requestsPerSecond: Double
        public var p50Micros: UInt64
        public var p95Micros: UInt64
        public var p99Micros: UInt64
        public var maxMicros: UInt64
        public var errorRate: Double
    }

    public struct StepSummary: Codable, Sendable {
        public var name: String
        public var outcome: String
        public var seconds: Double?
    }

    public struct Verdict: Codable, Sendable {
        public enum Status: String, Codable, Sendable {
            case regression
            case noRegression = "no regression"
            case insufficientHistory = "insufficient history"
        }

        public var status: Status
        /// 0 no regression (or not enough history to tell), 1 a regression.
        public var exitCode: Int32
        public var headline: String
        public var regressions: [TrendFinding]
        public var improvements: [TrendFinding]
        public var notes: [String]
    }
}
