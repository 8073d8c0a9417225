import Foundation

/// The per-second timeline as the time charts draw it. Up to `maxPoints` seconds are drawn one by one;
/// a longer run is drawn in bins of whole seconds, each bin summing its counts and keeping the highest
/// percentiles of its seconds (the worst second shows, never an average that hides it). Keeps an
/// hour-long run's page as small as a minute's.
struct ChartTimeline {
    static let maxPoints = 120

    /// Bins, each with `second` = its first second and counts summed over the bin.
    var bins: [SecondBucket]
    /// Seconds per bin (1 when not binned).
    var binWidth: Int
    /// Seconds from the start to the end of the last bin.
    var span: Double

    init(_ timeline: [SecondBucket]) {
        let sorted = timeline.sorted { $0.second < $1.second }
        let lastSecond = (sorted.last?.second ?? 0) + 1
        binWidth = max(1, Int((Double(lastSecond) / Double(Self.maxPoints)).rounded(.up)))
        span = Double((lastSecond + binWidth - 1) / binWidth * binWidth)
        var merged: [Int: SecondBucket] = [:]
        for bucket in sorted {
            let start = bucket.second / binWidth * binWidth
            merged[start] =
                merged[start].map { Self.merge($0, bucket) }
                ?? SecondBucket(
                    second: start, requests: bucket.requests, ok: bucket.ok, clientErrors: bucket.clientErrors,
                    serverErrors: bucket.serverErrors, transportErrors: bucket.transportErrors,
                    p50: bucket.p50, p95: bucket.p95, p99: bucket.p99)
        }
        bins = merged.keys.sorted().compactMap { merged[$0] }
    }

    static func merge(_ bin: SecondBucket, _ bucket: SecondBucket) -> SecondBucket {
        var bin = bin
        bin.requests += bucket.requests
        bin.ok += bucket.ok
        bin.clientErrors += bucket.clientErrors
        bin.serverErrors += bucket.serverErrors
        bin.transportErrors += bucket.transportErrors
        bin.p50 = max(bin.p50, bucket.p50)
        bin.p95 = max(bin.p95, bucket.p95)
        bin.p99 = max(bin.p99, bucket.p99)
        return bin
    }

    /// The middle of a bin on the time axis.
    func center(_ bin: SecondBucket) -> Double {
        Double(bin.second) + Double(binWidth) / 2
    }

    /// A count over a bin as a per-second rate.
    func perSecond(_ count: Int) -> Double {
        Double(count) / Double(binWidth)
    }

    var xTicks: [SVGTick] {
        SVGPlot.tickLabels(SVGPlot.ticks(upTo: span, count: 6).filter { $0 <= span })
    }

    var xTitle: String {
        binWidth == 1 ? "time since start (s)" : "time since start (s), \(binWidth)-second bins"
    }
}

/// The unit latencies are drawn in, picked from the largest value so tick labels stay short.
package struct LatencyUnit {
    package var name: String
    package var micros: Double

    package init(maximumMicros: UInt64) {
        switch maximumMicros {
        case ..<2000: (name, micros) = ("µs", 1)
        case ..<20_000_000: (name, micros) = ("ms", 1000)
        default: (name, micros) = ("s", 1_000_000)
        }
    }

    package func value(_ micros: UInt64) -> Double {
        Double(micros) / self.micros
    }
}
