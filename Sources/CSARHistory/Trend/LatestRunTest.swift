import Foundation

/// The latest run against the runs before it at the same level: is it outside the spread those runs
/// show among themselves? A difference inside the run-to-run noise is noise, however many requests the
/// latest run made.
///
/// - Latency percentiles use the recorded histograms: the latest run's percentile is compared with the
///   same percentile of all reference requests pooled (exact: histograms add up). The noise is measured
///   the same way, each reference run against the pool of the others (leave-one-out). The statistic is
///   the log ratio; its spread is estimated robustly (median and MAD, so one past outlier night does not
///   widen it) and the latest run's distance is read on a Student's t with 3 degrees of freedom: night-to-
///   night noise has heavy tails (a busy CI host, a slow disk), and a normal model would call one such
///   night a shift. Under that model a run alone is flagged with probability `latestAlpha`; with
///   lighter tails, less often.
/// - Requests per second and step durations: the same on the runs' values.
/// - Error and unexpected-status rates: counts, with the exact conditional binomial test (are the latest
///   run's errors more than its share of all requests would give?), and the rate must also be above every
///   reference run's.
struct LatestRunTest {
    /// One-sided p-values and the two levels compared.
    struct Outcome {
        var reference: Double
        var latest: Double
        var pWorse: Double
        var pBetter: Double
        /// Beyond every reference run, in the worse / better direction.
        var beyondWorst: Bool
        var beyondBest: Bool
        /// Each reference run's own p-value in the worse direction against the reference, oldest first:
        /// the runs just before the latest that are as far out show where a fresh shift began.
        var referencePWorse: [Double]
    }

    /// The smallest spread assumed on the log scale (1 %): identical runs do not make any wobble significant.
    static let minimumLogScale = 0.01
    /// Degrees of freedom of the noise model: heavy-tailed, whatever the number of reference runs.
    static let noiseDegrees = 3.0

    static func test(reference: [TrendPoint], latest: TrendPoint, metric: TrendMetric) -> Outcome {
        if metric.isRate { return rates(reference: reference, latest: latest) }
        let scores: [Double]
        let latestScore: Double
        let referenceLevel: Double
        if let percentile = metric.percentile, let histograms = compatibleHistograms(reference + [latest]),
            let pool = LatencyCounts.sum(Array(histograms.dropLast())),
            let pooled = pool.value(atPercentile: percentile)
        {
            scores = zip(reference, histograms).map { point, histogram in
                log(point.value / ((pool - histogram).value(atPercentile: percentile) ?? point.value))
            }
            latestScore = log(latest.value / pooled)
            referenceLevel = pooled
        } else {
            scores = reference.map { log(max($0.value, 1e-12)) }
            latestScore = log(max(latest.value, 1e-12))
            referenceLevel = Statistics.median(reference.map(\.value))
        }
        let center = Statistics.median(scores)
        let scale = max(Statistics.robustScale(scores), minimumLogScale) * (1 + 1 / Double(scores.count)).squareRoot()
        let degrees = min(Self.noiseDegrees, Double(scores.count - 1))
        let sign = metric.higherIsWorse ? 1.0 : -1.0
        let z = sign * (latestScore - center) / scale
        return Outcome(
            reference: referenceLevel, latest: latest.value,
            pWorse: Statistics.studentUpperTail(z, degrees: degrees),
            pBetter: Statistics.studentUpperTail(-z, degrees: degrees),
            beyondWorst: scores.allSatisfy { sign * (latestScore - $0) > 0 },
            beyondBest: scores.allSatisfy { sign * (latestScore - $0) < 0 },
            referencePWorse: scores.map { Statistics.studentUpperTail(sign * ($0 - center) / scale, degrees: degrees) })
    }

    private static func rates(reference: [TrendPoint], latest: TrendPoint) -> Outcome {
        let events = reference.reduce(0) { $0 + $1.events }
        let trials = reference.reduce(0) { $0 + $1.trials }
        let pooled = trials == 0 ? 0 : Double(events) / Double(trials)
        let total = events + latest.events
        let share = Double(latest.trials) / Double(max(1, trials + latest.trials))
        let rates = reference.map(\.value)
        return Outcome(
            reference: pooled, latest: latest.value,
            pWorse: Statistics.binomialUpperTail(latest.events, trials: total, probability: share),
            pBetter: 1 - Statistics.binomialUpperTail(latest.events + 1, trials: total, probability: share),
            beyondWorst: rates.allSatisfy { latest.value > $0 },
            beyondBest: rates.allSatisfy { latest.value < $0 },
            referencePWorse: reference.map { point in
                let share = Double(point.trials) / Double(max(1, trials))
                return point.value > pooled
                    ? Statistics.binomialUpperTail(point.events, trials: events, probability: share) : 1
            })
    }

    /// The points' histograms when every point has one and all can be added.
    private static func compatibleHistograms(_ points: [TrendPoint]) -> [LatencyCounts]? {
        let histograms = points.compactMap(\.histogram)
        guard histograms.count == points.count, let first = histograms.first,
            histograms.allSatisfy({ $0.isCompatible(with: first) })
        else { return nil }
        return histograms
    }
}
