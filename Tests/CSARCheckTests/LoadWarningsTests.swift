import XCTest

@testable import CSARCheck

final class LoadWarningsTests: XCTestCase {
    func testClosedModelSaysWhenAStallIsHidden() {
        // 50 connections, 20 000 requests of 2 ms over 5 s, but 50 of them stuck 1 s behind a stall.
        let latencies = [UInt64](repeating: 2_000, count: 19_950) + [UInt64](repeating: 1_000_000, count: 50)
        var histogram = LatencyHistograms.makeHistogram()
        for latency in latencies { histogram.record(latency) }
        XCTAssertEqual(Double(histogram.valueAtPercentile(99)), 2_000, accuracy: 2, "the raw p99 hides the stall")
        let warning = LoadWarnings.hiddenStall(histogram, wallTime: 5, concurrency: 50, completed: 20_000)
        XCTAssertNotNil(warning)
        XCTAssertTrue(warning?.contains("coordinated omission") ?? false)
        XCTAssertTrue(warning?.contains("--rate") ?? false)
    }

    func testClosedModelSaysNothingWithoutAStall() {
        var histogram = LatencyHistograms.makeHistogram()
        for index in 0..<20_000 { histogram.record(UInt64(1_500 + index % 1_000)) }
        XCTAssertNil(LoadWarnings.hiddenStall(histogram, wallTime: 1, concurrency: 50, completed: 20_000))
    }

    func testOpenModelGeneratorBehind() {
        let schedule = ScheduleReport(
            targetRate: 1_000, achievedRate: 700, sent: 7_000, late: 6_000, queued: 0, maxLag: 0.5)
        let warnings = LoadWarnings.scheduleWarnings(schedule, concurrency: 100)
        XCTAssertEqual(warnings.count, 1)
        XCTAssertTrue(
            warnings[0].hasPrefix("the generator could not keep up: achieved 700 req/s of the 1000 req/s target"))
        XCTAssertTrue(warnings[0].contains("--threads"))
    }

    func testOpenModelConnectionsExhausted() {
        let schedule = ScheduleReport(
            targetRate: 200, achievedRate: 199, sent: 1_000, late: 150, queued: 150, maxLag: 0.9)
        let warnings = LoadWarnings.scheduleWarnings(schedule, concurrency: 50)
        XCTAssertEqual(
            warnings,
            [
                "150 request(s) waited for a free connection (all 50 busy, longest wait 900.0 ms); "
                    + "their latency includes the wait, as a user's would"
            ])
    }

    func testOpenModelOnSchedule() {
        let schedule = ScheduleReport(targetRate: 20, achievedRate: 20, sent: 1_200, late: 3, queued: 0, maxLag: 0.002)
        XCTAssertEqual(LoadWarnings.scheduleWarnings(schedule, concurrency: 20), [])
    }

    func testCeilingAndInterruptionAreReported() {
        var result = LoadFixtures.result(latencies: [1_000, 1_000])
        result.stopReason = .requestCeiling
        XCTAssertTrue(
            LoadWarnings.stopWarning(result, plan: LoadFixtures.plan())?.contains("ceiling of 1000000 requests")
                ?? false)
        result.stopReason = .interrupted
        XCTAssertEqual(
            LoadWarnings.stopWarning(result, plan: LoadFixtures.plan()),
            "interrupted: partial result, 2 request(s) in 1.0 s")
    }
}
