import Histogram

/// Reading a latency histogram's figures the way HdrHistogram's own `mean`, `stdDeviation` and
/// `valueAtPercentile` do, with the same results, compiled for `UInt64` counts here: the library's versions
/// are not inlinable, so they run as unspecialized generic code, thousands of instructions per bucket.
/// A summary read that way cost some 250 M instructions (70 ms of CPU) whatever the run's length, more than
/// ab spends on all 50 requests of the runbook's load test.
extension Histogram where Count == UInt64 {
    /// The mean and standard deviation of the recorded values, as `mean` and `stdDeviation` compute them.
    var meanAndDeviation: (mean: Double, deviation: Double) {
        guard totalCount > 0 else { return (0, 0) }
        var total = 0.0
        for recorded in recordedValues() {
            total += Double(medianEquivalentForValue(recorded.value)) * Double(recorded.count)
        }
        let mean = total / Double(totalCount)
        var squares = 0.0
        for recorded in recordedValues() {
            let deviation = Double(medianEquivalentForValue(recorded.value)) - mean
            squares += deviation * deviation * Double(recorded.count)
        }
        return (mean, (squares / Double(totalCount)).squareRoot())
    }

    /// `valueAtPercentile` for each of `percentiles`, in one pass over the recorded values.
    func values(atPercentiles percentiles: [Double]) -> [UInt64] {
        var values = [UInt64](repeating: 0, count: percentiles.count)
        var pending: [(index: Int, count: UInt64)] = []
        for (index, percentile) in percentiles.enumerated() {
            if percentile == 0 {
                values[index] = self.min
            } else if percentile >= 100 {
                values[index] = maxRecorded
            } else {
                // As the library: 1 ulp less, so rounding up never overruns into the next bucket.
                let requested = Swift.min(Swift.max(percentile.nextDown, 0), 100)
                let count = Swift.max(1, UInt64((requested * Double(totalCount) / 100).rounded(.up)))
                pending.append((index, count))
            }
        }
        guard !pending.isEmpty, totalCount > 0 else { return values }
        pending.sort { $0.count < $1.count }
        var next = 0
        let lowest = self.min
        let highest = maxRecorded
        for recorded in recordedValues() {
            while next < pending.count, recorded.totalCountToThisValue >= pending[next].count {
                values[pending[next].index] = Swift.max(Swift.min(recorded.value, highest), lowest)
                next += 1
            }
            if next == pending.count { break }
        }
        return values
    }
}
