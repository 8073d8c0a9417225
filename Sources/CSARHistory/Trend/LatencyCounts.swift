import CSARCheck

/// A recorded latency histogram as its bucket counts: histograms of several runs add up exactly, one
/// run can be taken out of a sum again, and any percentile reads back as HdrHistogram reads it.
struct LatencyCounts: Sendable {
    private(set) var counts: [UInt64]
    let layout: HdrHistogramEncoding.BucketLayout

    init?(base64: String) {
        guard let (counts, layout) = HdrHistogramEncoding.decodeBuckets(base64: base64) else { return nil }
        self.counts = counts
        self.layout = layout
    }

    private init(counts: [UInt64], layout: HdrHistogramEncoding.BucketLayout) {
        self.counts = counts
        self.layout = layout
    }

    var total: UInt64 { counts.reduce(0, +) }

    /// The value at `percentile` (0–100): the upper bound of the bucket holding that share of requests,
    /// as HdrHistogram's `valueAtPercentile`; nil for an empty histogram.
    func value(atPercentile percentile: Double) -> Double? {
        let total = total
        guard total > 0 else { return nil }
        let wanted = max(1, UInt64((percentile / 100 * Double(total)).rounded(.up)))
        var running: UInt64 = 0
        for (index, count) in counts.enumerated() where count > 0 {
            running += count
            if running >= wanted { return Double(layout.highestValue(at: index)) }
        }
        return counts.lastIndex { $0 > 0 }.map { Double(layout.highestValue(at: $0)) }
    }

    /// Whether the two were recorded with the same bucket layout, so they can be added.
    func isCompatible(with other: LatencyCounts) -> Bool {
        layout == other.layout
    }

    static func + (lhs: LatencyCounts, rhs: LatencyCounts) -> LatencyCounts {
        var counts = lhs.counts.count >= rhs.counts.count ? lhs.counts : rhs.counts
        let shorter = lhs.counts.count >= rhs.counts.count ? rhs.counts : lhs.counts
        for (index, count) in shorter.enumerated() { counts[index] += count }
        return LatencyCounts(counts: counts, layout: lhs.layout)
    }

    /// `lhs` without the requests of `rhs`, which must be part of it.
    static func - (lhs: LatencyCounts, rhs: LatencyCounts) -> LatencyCounts {
        var counts = lhs.counts
        for (index, count) in rhs.counts.enumerated() where index < counts.count {
            counts[index] -= min(count, counts[index])
        }
        return LatencyCounts(counts: counts, layout: lhs.layout)
    }

    /// The sum of several runs' histograms (nil when there are none).
    static func sum(_ histograms: [LatencyCounts]) -> LatencyCounts? {
        guard let first = histograms.first else { return nil }
        return histograms.dropFirst().reduce(first) { $1.isCompatible(with: $0) ? $0 + $1 : $0 }
    }
}
