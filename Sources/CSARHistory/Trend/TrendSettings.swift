/// How the trend decides: significance levels, permutations, tolerances, and how much history each
/// test needs.
public struct TrendSettings: Codable, Sendable {
    /// Significance level of the change-point permutation test, per series.
    public var alpha = 0.01
    /// Significance level of the latest run's test against the spread of the runs before it, per series.
    public var latestAlpha = 0.001
    /// Shuffles of the change-point permutation test (at most: it stops once a split cannot be significant).
    public var permutations = 999
    /// Runs before the latest one that its test needs to know the noise.
    public var minimumReferenceRuns = 6
    public var tolerances: [String: Tolerance] = Dictionary(
        uniqueKeysWithValues: TrendMetric.allCases.map { ($0.key, Tolerance.standard(for: $0)) })

    public init() {}

    /// The tolerance `--tolerance` set for `metric`, else its standard one.
    public func tolerance(for metric: TrendMetric) -> Tolerance {
        tolerances[metric.key] ?? .standard(for: metric)
    }

    /// The fewest comparable runs with which a change point can be significant at `alpha`.
    public var minimumRunsForChangePoints: Int { ChangePointDetector.minimumRuns(alpha: alpha) }
}
