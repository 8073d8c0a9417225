import Foundation

/// What the trend concluded for one series, as every trend report shows it.
public struct SeriesAnalysis: Codable, Sendable {
    public enum Verdict: String, Codable, Sendable {
        case regression
        case improvement
        /// Change points were found, but the latest level is within the tolerance of the baseline.
        case changedWithinTolerance = "changed within tolerance"
        case stable
        /// Too few runs for either test: no verdict rather than a guess.
        case insufficientHistory = "insufficient history"
    }

    public var id: String
    public var subject: String
    public var metric: TrendMetric
    /// The tolerance in words: `+20 % (≥ 1.00 ms)`.
    public var tolerance: String
    public var points: [Point]
    public var changePoints: [ChangePointReport]
    /// The runs the latest level is compared with: the first segment of the window.
    public var baseline: Level?
    public var verdict: Verdict
    public var findings: [TrendFinding]
    /// What could not be tested, and why.
    public var notes: [String]

    public struct Point: Codable, Sendable {
        public var runId: Int64
        public var value: Double
    }

    /// A run of the series between two change points, and where the tolerance puts its limit.
    public struct Level: Codable, Sendable {
        public var firstRun: Int64
        public var lastRun: Int64
        public var runs: Int
        /// The median of the runs' values (for rates, the pooled rate).
        public var value: Double
        public var low: Double
        public var high: Double
        /// The value beyond which a later level is worse than the tolerance allows.
        public var limit: Double
    }
}

/// A significant change between two segments of a series.
public struct ChangePointReport: Codable, Sendable {
    /// The first run of the new level.
    public var runId: Int64
    public var pValue: Double
    public var shuffles: Int
    public var before: Double
    public var after: Double
    /// `+35 %` or `+0.40 pp`.
    public var change: String
}

/// A regression or an improvement, with the rule that found it, its size and its confidence.
public struct TrendFinding: Codable, Sendable {
    public enum Rule: String, Codable, Sendable {
        /// A change point over the series separates the latest runs from the baseline.
        case changePoint = "change point"
        /// The latest run is outside the spread of the runs before it.
        case latestRun = "latest run"
    }

    public var seriesId: String
    public var subject: String
    public var metric: TrendMetric
    public var rule: Rule
    /// False for an improvement.
    public var isRegression: Bool
    public var before: Double
    public var after: Double
    public var change: String
    public var pValue: Double
    /// The first run at the new level.
    public var startedAtRun: Int64
    /// How many runs are at the new level, the latest included.
    public var runs: Int
    /// One line: what changed, by how much, since when, which rule and how sure.
    public var message: String

    public var confidence: Double { 1 - pValue }
}
