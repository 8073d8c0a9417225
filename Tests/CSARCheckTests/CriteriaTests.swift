import Histogram
import XCTest

@testable import CSARCheck

final class CriteriaTests: XCTestCase {
    private func measurements(
        latenciesMs: [UInt64], statuses: [Int], transportErrors: Int = 0, wallTime: Double = 10
    ) -> Measurements {
        var measured = Measurements()
        for latency in latenciesMs { measured.latency.record(latency * 1000) }
        measured.requests = statuses.count + transportErrors
        for status in statuses {
            measured.statusCounts[status, default: 0] += 1
            if !(200...399).contains(status) { measured.unexpectedStatusCounts[status, default: 0] += 1 }
        }
        measured.transportErrors = transportErrors
        measured.wallTime = wallTime
        return measured
    }

    func testParsesEveryOperatorAndUnit() throws {
        let cases: [(String, Criterion.Operator, Double)] = [
            ("p95 < 2s", .less, 2), ("p99 <= 3000ms", .lessOrEqual, 3), ("max<5s", .less, 5),
            ("rps >= 40", .greaterOrEqual, 40), ("requests > 10", .greater, 10), ("http_5xx == 0", .equal, 0),
            ("http_500 != 1", .notEqual, 1), ("availability >= 99.5%", .greaterOrEqual, 99.5),
            ("error_rate <= 5 %", .lessOrEqual, 5), ("p99.9 < 250ms", .less, 0.25), ("mean < 1.5s", .less, 1.5),
        ]
        for (text, op, threshold) in cases {
            let criterion = try Criterion(parsing: text)
            XCTAssertEqual(criterion.op, op, text)
            XCTAssertEqual(criterion.threshold, threshold, accuracy: 1e-9, text)
        }
        XCTAssertEqual(try Criterion(parsing: "p99.9 < 1s").metric, .latencyPercentile(99.9))
        XCTAssertEqual(try Criterion(parsing: "http_4xx == 0").metric, .statusClass(4))
    }

    func testRejectsUnknownMetricsMissingUnitsAndBadPercentages() {
        for text in [
            "p95x < 2s", "latency < 2s", "p95 < 2", "availability >= 120%", "p95 2s", "http_6xx == 0", "rps >= fast",
        ] {
            XCTAssertThrowsError(try Criterion(parsing: text), text)
        }
        do {
            _ = try Criterion(parsing: "avaliability >= 99%")
            XCTFail("expected an error")
        } catch {
            XCTAssertTrue("\(error)".contains("unknown metric 'avaliability'"), "\(error)")
            XCTAssertTrue("\(error)".contains("did you mean 'availability'"), "\(error)")
        }
    }

    func testEvaluatesWithMeasuredValues() throws {
        let measured = measurements(latenciesMs: Array(1...100), statuses: Array(repeating: 200, count: 199) + [500])
        func result(_ text: String) throws -> CriterionResult {
            CriteriaEvaluation.evaluate([try Criterion(parsing: text)], on: measured, scope: "run")[0]
        }
        XCTAssertTrue(try result("p95 < 100ms").passed)
        XCTAssertFalse(try result("p95 < 90ms").passed)
        XCTAssertEqual(try result("p95 < 100ms").measured ?? 0, 0.095, accuracy: 0.001)
        XCTAssertFalse(try result("http_5xx == 0").passed)
        XCTAssertEqual(try result("http_500 == 1").measured, 1)
        XCTAssertEqual(try result("availability >= 99.5%").measured ?? 0, 99.5, accuracy: 1e-9)
        XCTAssertTrue(try result("availability >= 99.5%").passed)
        XCTAssertFalse(try result("error_rate < 0.5%").passed)
        XCTAssertEqual(try result("rps >= 20").measured, 20)
        XCTAssertEqual(try result("max < 1s").measuredText, "max = 100.0 ms")
    }

    func testNothingMeasuredNeverPasses() throws {
        let result = CriteriaEvaluation.evaluate(
            [try Criterion(parsing: "p95 < 2s")], on: Measurements(), scope: "run")[0]
        XCTAssertNil(result.measured)
        XCTAssertFalse(result.passed)
    }

    func testUnknownMetricInAFileIsAValidateError() {
        XCTAssertThrowsError(
            try ScenarioLoader().load(text: "criteria: [p95 < 2s, rsp >= 40]\nsteps:\n  - url: /\n", file: "c.yaml")
        ) { error in
            let scenarioError = error as? ScenarioError
            XCTAssertEqual(scenarioError?.key, "criteria[1]")
            XCTAssertEqual(scenarioError?.location.line, 1)
            XCTAssertTrue(scenarioError?.message.contains("unknown metric 'rsp'") ?? false)
        }
    }

    func testRunbookDefaults() {
        XCTAssertEqual(
            RunbookCriteria.all.map(\.source),
            ["max < 2s", "http_5xx == 0", "availability >= 99.5%", "error_rate <= 5%", "max <= 5s"])
        XCTAssertEqual(RunbookCriteria.all.filter { $0.severity == .warning }.map(\.source), ["max <= 5s"])
    }

    func testHdrHistogramEncodingRoundTrips() {
        var histogram = LatencyHistograms.makeHistogram()
        for value: UInt64 in [1, 2, 2, 500, 1_000, 1_000_000, 3_000_000] { histogram.record(value) }
        let encoded = HdrHistogramEncoding.base64(of: histogram)
        XCTAssertTrue(encoded.hasPrefix("HISTF"), "the compressed V2 cookie 0x1c849314 encodes to HISTF…")
        let counts = HdrHistogramEncoding.decodeCounts(base64: encoded)
        XCTAssertEqual(counts?.reduce(0, +), 7)
        var expectedLength = 0
        for bucket in histogram.allValues() {
            expectedLength += 1
            if bucket.value >= histogram.max { break }
        }
        XCTAssertEqual(counts?.count, expectedLength)
        let raw = HdrHistogramEncoding.uncompressed(histogram)
        XCTAssertEqual(raw.bigEndianUInt32(at: 0), 0x1c84_9313)
        XCTAssertEqual(raw.bigEndianUInt32(at: 12), 3)
    }
}
