import Histogram
import XCTest

@testable import CSARCheck
@testable import CSARHistory

final class LoadHistogramTests: XCTestCase {
    /// 1…10 000 µs once each: every percentile is known exactly, and HdrHistogram at 3 significant
    /// digits must be within 0.1 % of it.
    func testPercentilesOfKnownData() {
        var histogram = LatencyHistograms.makeHistogram()
        for value in 1...10_000 { histogram.record(UInt64(value)) }
        for (percentile, exact) in [(50.0, 5_000.0), (90, 9_000), (95, 9_500), (99, 9_900), (99.9, 9_990)] {
            let measured = Double(histogram.valueAtPercentile(percentile))
            XCTAssertEqual(measured, exact, accuracy: exact * 0.001, "p\(percentile)")
        }
        XCTAssertEqual(histogram.maxRecorded, 10_000)
        XCTAssertEqual(histogram.min, 1)
        XCTAssertEqual(histogram.mean, 5_000.5, accuracy: 5)
    }

    /// The summary's own readings (compiled for UInt64) give exactly the library's figures.
    func testOwnReadingsEqualTheLibrarys() {
        let percentiles = [0, 0.1, 1, 10, 33.3, 50, 66, 90, 95, 99, 99.9, 99.99, 100]
        var generator = SeededGenerator(seed: 42)
        for count in [0, 1, 2, 17, 1_000, 20_000] {
            var histogram = LatencyHistograms.makeHistogram()
            for _ in 0..<count {
                // Mostly milliseconds, a tail of seconds, a few sub-millisecond values.
                let value = generator.next() % 100 == 0 ? generator.next() % 3_000_000 : 200 + generator.next() % 40_000
                histogram.record(value)
            }
            XCTAssertEqual(histogram.values(atPercentiles: percentiles), percentiles.map(histogram.valueAtPercentile))
            XCTAssertEqual(histogram.meanAndDeviation.mean, histogram.mean, "\(count) values")
            XCTAssertEqual(histogram.meanAndDeviation.deviation, histogram.stdDeviation, "\(count) values")
        }
    }

    func testTailPercentilesOfASkewedRun() {
        // 990 fast requests of 2 ms and 10 slow ones of 1.5 s: p99 sits on the boundary, p99.9 in the tail.
        var histogram = LatencyHistograms.makeHistogram()
        for _ in 0..<990 { histogram.record(2_000) }
        for _ in 0..<10 { histogram.record(1_500_000) }
        XCTAssertEqual(Double(histogram.valueAtPercentile(99)), 2_000, accuracy: 2)
        XCTAssertEqual(Double(histogram.valueAtPercentile(99.9)), 1_500_000, accuracy: 1_500)
    }

    func testMergingThreadsEqualsRecordingInOne() {
        var whole = LatencyHistograms()
        var first = LatencyHistograms()
        var second = LatencyHistograms()
        for value in stride(from: UInt64(100), through: 200_000, by: 97) {
            let sample = TransferSample(
                total: value, service: value, dns: 1, connect: 2, tls: 0, wait: value / 2, transfer: 3)
            whole.record(sample)
            if value % 2 == 0 { first.record(sample) } else { second.record(sample) }
        }
        first.add(second)
        XCTAssertEqual(first.total, whole.total)
        XCTAssertEqual(first.wait, whole.wait)
        XCTAssertEqual(first.processing.valueAtPercentile(95), whole.processing.valueAtPercentile(95))
    }

    func testValuesBeyondAnHourAreKeptAsAnHour() {
        var histograms = LatencyHistograms()
        histograms.record(
            TransferSample(total: 5 * 3_600_000_000, service: 1, dns: 0, connect: 0, tls: 0, wait: 0, transfer: 0))
        XCTAssertEqual(histograms.total.totalCount, 1)
        XCTAssertEqual(histograms.total.maxRecorded, LatencyHistograms.highestTrackable)
    }

    func testSetupAndProcessingRowsAsAbComputesThem() {
        var histograms = LatencyHistograms()
        histograms.record(
            TransferSample(
                total: 10_000, service: 10_000, dns: 1_000, connect: 2_000, tls: 3_000, wait: 3_000, transfer: 1_000))
        XCTAssertEqual(histograms.setup.maxRecorded, 6_000)
        XCTAssertEqual(histograms.processing.maxRecorded, 4_000)
    }
}
