import XCTest

@testable import CSARCheck

final class LoadVerdictTests: XCTestCase {
    private let fast = [UInt64](repeating: 20_000, count: 1_000)

    func testRunbookCriteriaHold() {
        let verdict = LoadVerdict(result: LoadFixtures.result(latencies: fast))
        XCTAssertTrue(verdict.passed)
        XCTAssertEqual(
            verdict.checks.map(\.description),
            [
                "5xx responses: 0 (at most 0)", "availability 100.00 % ≥ 99.5 %", "requests in error 0.00 % ≤ 5 %",
                "p95 20.0 ms < 2 s", "max 20.0 ms < 2 s",
            ])
    }

    func testASingle5xxFails() {
        let result = LoadFixtures.result(latencies: fast, statuses: [200] + [Int](repeating: 200, count: 998) + [500])
        let verdict = LoadVerdict(result: result)
        XCTAssertFalse(verdict.passed)
        XCTAssertEqual(verdict.checks.filter { !$0.passed }.map(\.description), ["5xx responses: 1 (at most 0)"])
    }

    func testAvailabilityCountsTransportErrors() {
        let verdict = LoadVerdict(result: LoadFixtures.result(latencies: fast, failures: 6))
        XCTAssertEqual(verdict.checks.filter { !$0.passed }.map(\.description), ["availability 99.40 % ≥ 99.5 %"])
    }

    func testSlowTailFailsP95AndMax() {
        let slow = [UInt64](repeating: 20_000, count: 940) + [UInt64](repeating: 2_500_000, count: 60)
        let failed = LoadVerdict(result: LoadFixtures.result(latencies: slow)).checks.filter { !$0.passed }
        XCTAssertEqual(failed.map(\.description), ["p95 2.500 s < 2 s", "max 2.500 s < 2 s"])
        let oneSlow = [UInt64](repeating: 20_000, count: 999) + [2_100_000]
        let maxOnly = LoadVerdict(result: LoadFixtures.result(latencies: oneSlow)).checks.filter { !$0.passed }
        XCTAssertEqual(maxOnly.map(\.description), ["max 2.100 s < 2 s"])
    }

    func testNothingCompletedFails() {
        let verdict = LoadVerdict(result: LoadFixtures.result(latencies: []))
        XCTAssertFalse(verdict.passed)
        XCTAssertEqual(verdict.checks.map(\.description), ["no request completed"])
    }

    func testUnreachableOnlyWhenNothingAnswered() {
        XCTAssertTrue(LoadFixtures.result(latencies: [], failures: 3).isUnreachable)
        XCTAssertFalse(LoadFixtures.result(latencies: [1_000], failures: 3).isUnreachable)
        XCTAssertFalse(LoadFixtures.result(latencies: []).isUnreachable)
    }
}
