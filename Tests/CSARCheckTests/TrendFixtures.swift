import CSARCheck
import Foundation
import Histogram

@testable import CSARHistory

/// Series built in code for the trend's statistics: levels per run, noise from a seeded generator.
enum TrendFixtures {
    /// Normal noise (Box–Muller) from a seeded generator, so every test sees the same numbers.
    struct Noise {
        var generator: SeededGenerator

        init(seed: UInt64) {
            generator = SeededGenerator(seed: seed)
        }

        mutating func normal() -> Double {
            let u1 = max(Double(generator.next() >> 11) / Double(1 << 53), 1e-300)
            let u2 = Double(generator.next() >> 11) / Double(1 << 53)
            return (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
        }

        /// Student's t with 3 degrees of freedom: heavy tails, as real latencies have.
        mutating func heavy() -> Double {
            let z = normal()
            let chi = (0..<3).reduce(0.0) { sum, _ in
                let x = normal()
                return sum + x * x
            }
            return z / (chi / 3).squareRoot()
        }
    }

    /// A series whose run i has `levels[i]` × (1 + cv · noise).
    static func series(
        _ levels: [Double], metric: TrendMetric = .requestsPerSecond, cv: Double = 0.05, seed: UInt64 = 1,
        heavy: Bool = false, subject: String = "load: home"
    ) -> TrendSeries {
        var noise = Noise(seed: seed)
        let points = levels.enumerated().map { index, level in
            TrendPoint(
                runId: Int64(index + 1), value: level * max(0.05, 1 + cv * (heavy ? noise.heavy() : noise.normal())))
        }
        return TrendSeries(subject: subject, metric: metric, points: points)
    }

    /// A latency series with a real histogram per run: `requests` samples around each run's median.
    static func latencySeries(
        medians: [Double], metric: TrendMetric = .p95, requests: Int = 300, runSpread: Double = 0.04, seed: UInt64 = 7
    ) -> TrendSeries {
        var noise = Noise(seed: seed)
        let points = medians.enumerated().map { index, median -> TrendPoint in
            let runLevel = median * (1 + runSpread * noise.normal())
            var histogram = Histogram<UInt64>(
                highestTrackableValue: LatencyHistograms.highestTrackable, numberOfSignificantValueDigits: .three)
            for _ in 0..<requests {
                _ = histogram.record(UInt64(max(1, runLevel * exp(0.25 * noise.normal()))))
            }
            let counts = LatencyCounts(base64: HdrHistogramEncoding.base64(of: histogram))!
            return TrendPoint(
                runId: Int64(index + 1), value: counts.value(atPercentile: metric.percentile ?? 50)!, histogram: counts)
        }
        return TrendSeries(subject: "load: home", metric: metric, points: points)
    }

    /// An error-rate series: `errors[i]` of `requests` per run.
    static func rateSeries(_ errors: [Int], requests: Int = 1_000) -> TrendSeries {
        TrendSeries(
            subject: "load: home", metric: .errorRate,
            points: errors.enumerated().map { index, count in
                TrendPoint(
                    runId: Int64(index + 1), value: Double(count) / Double(requests), events: count, trials: requests)
            })
    }

    static func analyze(_ series: TrendSeries, settings: TrendSettings = TrendSettings()) -> SeriesAnalysis {
        SeriesAnalyzer(settings: settings).analyze(series)
    }

    /// Settings that let the statistics alone decide (no tolerance), to measure their false-alarm rate.
    static var statisticsOnly: TrendSettings {
        var settings = TrendSettings()
        for metric in TrendMetric.allCases {
            settings.tolerances[metric.key] = Tolerance(relative: 0, absolute: 0)
        }
        return settings
    }
}
