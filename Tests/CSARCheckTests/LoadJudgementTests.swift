import XCTest

@testable import CSARCheck

/// `csar-check load` is judged as the gate judges its load: the runbook's criteria list, evaluated by the
/// criteria engine (`RunReportBuilder.judge`, the path the command takes), the verdict carried as facts.
final class LoadJudgementTests: XCTestCase {
    private let fast = [UInt64](repeating: 20_000, count: 1_000)

    private func judge(_ result: LoadResult) -> JudgedRun {
        RunReportBuilder(
            command: "load", target: "https://csar.sn/", startedAt: Date(), runCriteria: RunbookCriteria.all
        )
        .judge(scenarios: [], results: [], loads: [.init(name: "https://csar.sn/", result: result)])
    }

    /// Each failed criterion as the verdict lists it: `max < 2s [run]: max = 2.100 s`.
    private func failed(_ judged: JudgedRun) -> [String] {
        judged.report.criteria.filter { !$0.passed && $0.severity == .error }.map {
            "\($0.expression): \($0.measuredText)"
        }
    }

    func testRunbookCriteriaHold() {
        let judged = judge(LoadFixtures.result(latencies: fast))
        XCTAssertEqual(RunVerdict.decide(judged.facts), .passed)
        XCTAssertEqual(
            judged.report.criteria.map(\.expression),
            ["max < 2s", "http_5xx == 0", "availability >= 99.5%", "error_rate <= 5%", "max <= 5s"])
        XCTAssertEqual(judged.report.verdict.exitCode, 0)
    }

    func testASingle5xxFails() {
        let result = LoadFixtures.result(latencies: fast, statuses: [Int](repeating: 200, count: 999) + [500])
        let judged = judge(result)
        XCTAssertEqual(RunVerdict.decide(judged.facts), .failed)
        XCTAssertEqual(failed(judged), ["http_5xx == 0: http_5xx = 1"])
    }

    func testAvailabilityCountsTransportErrors() {
        let judged = judge(LoadFixtures.result(latencies: fast, failures: 6))
        XCTAssertEqual(failed(judged), ["availability >= 99.5%: availability = 99.40 %"])
    }

    func testASlowTailFailsMax() {
        let oneSlow = [UInt64](repeating: 20_000, count: 999) + [2_100_000]
        XCTAssertEqual(failed(judge(LoadFixtures.result(latencies: oneSlow))), ["max < 2s: max = 2.101 s"])
    }

    func testNothingCompletedFails() {
        let judged = judge(LoadFixtures.result(latencies: []))
        XCTAssertEqual(RunVerdict.decide(judged.facts), .failed)
        XCTAssertEqual(failed(judged).first, "max < 2s: max: nothing measured")
    }

    func testAnInterruptedLoadHasNoVerdictButPartialResults() {
        var result = LoadFixtures.result(latencies: fast)
        result.stopReason = .interrupted
        let judged = judge(result)
        XCTAssertEqual(RunVerdict.decide(judged.facts), .interrupted)
        XCTAssertTrue(judged.report.interrupted)
    }

    func testUnreachableOnlyWhenNothingAnswered() {
        XCTAssertTrue(LoadFixtures.result(latencies: [], failures: 3).isUnreachable)
        XCTAssertFalse(LoadFixtures.result(latencies: [1_000], failures: 3).isUnreachable)
        XCTAssertFalse(LoadFixtures.result(latencies: []).isUnreachable)
        XCTAssertEqual(RunVerdict.decide(judge(LoadFixtures.result(latencies: [], failures: 3)).facts), .unreachable)
    }
}
