import XCTest

@testable import CSARCheck

/// The chart arithmetic: round tick values, the percentile axis, binning long timelines, units.
final class HTMLReportChartTests: XCTestCase {
    func testTicksAreRoundAndCoverTheMaximum() {
        XCTAssertEqual(SVGPlot.ticks(upTo: 47), [0, 10, 20, 30, 40, 50])
        XCTAssertEqual(SVGPlot.ticks(upTo: 180), [0, 50, 100, 150, 200])
        XCTAssertEqual(SVGPlot.ticks(upTo: 0), [0, 1])
        XCTAssertEqual(
            SVGPlot.tickLabels(SVGPlot.ticks(upTo: 0.9)).map(\.label), ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
    }

    func testPercentileAxisIsLogarithmicInOneMinusP() {
        XCTAssertEqual(LatencyDistributionChart.position(0), 0)
        XCTAssertEqual(LatencyDistributionChart.position(90), 1, accuracy: 1e-9)
        XCTAssertEqual(LatencyDistributionChart.position(99.9), 3, accuracy: 1e-9)
        XCTAssertEqual((0...5).map(LatencyDistributionChart.label), ["0%", "90%", "99%", "99.9%", "99.99%", "99.999%"])
        XCTAssertEqual(LatencyDistributionChart.percentText(99.9), "p99.9")
    }

    func testLongTimelinesAreBinnedKeepingTheWorstSecond() {
        let buckets = (0..<250).map { second in
            SecondBucket(
                second: second, requests: 10, ok: 10, clientErrors: 0, serverErrors: 0, transportErrors: 0,
                p50: 1000, p95: 2000, p99: second == 7 ? 90_000 : 3000)
        }
        let timeline = ChartTimeline(buckets)
        XCTAssertEqual(timeline.binWidth, 3)
        XCTAssertEqual(timeline.bins.count, 84)
        XCTAssertEqual(timeline.span, 252)
        XCTAssertEqual(timeline.bins[2].p99, 90_000)
        XCTAssertEqual(timeline.bins[0].requests, 30)
        XCTAssertEqual(timeline.perSecond(timeline.bins[0].requests), 10)
    }

    func testFormats() {
        XCTAssertEqual(HTMLFormat.micros(UInt64(850)), "850 µs")
        XCTAssertEqual(HTMLFormat.micros(UInt64(12_345)), "12.3 ms")
        XCTAssertEqual(HTMLFormat.seconds(0.412), "412 ms")
        XCTAssertEqual(HTMLFormat.seconds(2.412), "2.41 s")
        XCTAssertEqual(HTMLFormat.seconds(61.5), "61.50 s")
        XCTAssertEqual(HTMLFormat.count(1_234_567), "1\u{202F}234\u{202F}567")
        XCTAssertEqual(HTMLFormat.percent(99.5), "99.50 %")
        XCTAssertEqual(HTMLFormat.percent(100), "100 %")
        XCTAssertEqual(LatencyUnit(maximumMicros: 1500).name, "µs")
        XCTAssertEqual(LatencyUnit(maximumMicros: 250_000).name, "ms")
    }
}
