import Histogram
import XCTest

@testable import CSARCheck

/// The V2 encoding read back: the same histogram bucket for bucket, so percentiles of a recorded run
/// are exact and histograms of several runs can be added.
final class HdrHistogramDecodingTests: XCTestCase {
    func testDecodingGivesBackTheEncodedHistogram() throws {
        var histogram = Histogram<UInt64>(
            highestTrackableValue: LatencyHistograms.highestTrackable, numberOfSignificantValueDigits: .three)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            _ = histogram.record(UInt64.random(in: 200...250_000, using: &generator))
        }
        _ = histogram.record(3_000_000_000)
        let decoded = try XCTUnwrap(HdrHistogramEncoding.decode(base64: HdrHistogramEncoding.base64(of: histogram)))
        XCTAssertEqual(decoded.totalCount, histogram.totalCount)
        for percentile in [1.0, 10, 50, 90, 95, 99, 99.9] {
            XCTAssertEqual(
                decoded.valueAtPercentile(percentile), histogram.valueAtPercentile(percentile), "p\(percentile)")
        }
        // The encoding keeps buckets, not the exact extremes: the top bucket reads as its upper bound.
        XCTAssertEqual(decoded.max, histogram.max)
        XCTAssertEqual(decoded.valueAtPercentile(100), histogram.max)
        XCTAssertTrue(histogram.valuesAreEquivalent(decoded.min, histogram.min))
        XCTAssertEqual(decoded.mean, histogram.mean, accuracy: histogram.mean * 1e-3)
        XCTAssertEqual(HdrHistogramEncoding.base64(of: decoded), HdrHistogramEncoding.base64(of: histogram))
    }

    func testAnEmptyHistogramRoundTrips() throws {
        let empty = Histogram<UInt64>(highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: .three)
        let decoded = try XCTUnwrap(HdrHistogramEncoding.decode(base64: HdrHistogramEncoding.base64(of: empty)))
        XCTAssertEqual(decoded.totalCount, 0)
    }

    func testDamagedEncodingsAreRefused() {
        XCTAssertNil(HdrHistogramEncoding.decode(base64: "not base64 at all"))
        XCTAssertNil(HdrHistogramEncoding.decode(base64: Data("HISTFAAAAAAAAA".utf8).base64EncodedString()))
        var histogram = Histogram<UInt64>(highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: .three)
        _ = histogram.record(1234)
        var bytes = HdrHistogramEncoding.compressed(histogram)
        bytes[bytes.count - 3] ^= 0xFF
        XCTAssertNil(HdrHistogramEncoding.decode(base64: bytes.base64EncodedString()))
    }
}
