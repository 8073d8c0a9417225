import Foundation
import XCTest

@testable import CSARHistory

/// The regression verdict on crafted series: a step is found where it starts, noise gives no alarm, a
/// slow drift adds up, one odd night is not a regression, improvements are shown but never failed on,
/// and a short history says so.
final class TrendVerdictTests: XCTestCase {
    func testAStepChangeIsARegressionThatStartedAtTheRightRun() throws {
        let series = TrendFixtures.series(
            Array(repeating: 20_000, count: 14) + Array(repeating: 30_000, count: 6), metric: .p95, seed: 21)
        let analysis = TrendFixtures.analyze(series)
        XCTAssertEqual(analysis.verdict, .regression)
        let finding = try XCTUnwrap(analysis.findings.first { $0.rule == .changePoint })
        XCTAssertTrue(finding.isRegression)
        XCTAssertEqual(finding.startedAtRun, 15)
        XCTAssertEqual(finding.runs, 6)
        XCTAssertEqual(finding.after / finding.before, 1.5, accuracy: 0.08)
        XCTAssertLessThanOrEqual(finding.pValue, 0.01)
        XCTAssertTrue(finding.message.contains("regressed +"), finding.message)
        XCTAssertTrue(finding.message.contains("since run #15"), finding.message)
        XCTAssertEqual(analysis.changePoints.map(\.runId), [15])
    }

    func testPureNoiseGivesNoAlarm() {
        for seed in UInt64(1)...8 {
            for metric in [TrendMetric.p95, .requestsPerSecond, .duration] {
                let analysis = TrendFixtures.analyze(
                    TrendFixtures.series(Array(repeating: 50, count: 30), metric: metric, cv: 0.08, seed: seed))
                XCTAssertNotEqual(
                    analysis.verdict, .regression, "seed \(seed) \(metric): \(analysis.findings.map(\.message))")
            }
        }
    }

    func testASlowDriftIsARegressionOnceItAddsUpBeyondTolerance() throws {
        let drift = (0..<30).map { 20_000 * (1 + 0.015 * Double($0)) }
        let analysis = TrendFixtures.analyze(TrendFixtures.series(drift, metric: .p95, cv: 0.02, seed: 4))
        XCTAssertEqual(analysis.verdict, .regression, analysis.findings.map(\.message).joined(separator: "\n"))
        let finding = try XCTUnwrap(analysis.findings.first { $0.rule == .changePoint })
        XCTAssertGreaterThan(finding.after / finding.before, 1.3)
        XCTAssertGreaterThanOrEqual(analysis.changePoints.count, 1)
        // The same drift, only 10 % in all, stays within the tolerance: shown as a change, not failed.
        let small = (0..<30).map { 20_000 * (1 + 0.0035 * Double($0)) }
        let gentle = TrendFixtures.analyze(TrendFixtures.series(small, metric: .p95, cv: 0.01, seed: 4))
        XCTAssertNotEqual(gentle.verdict, .regression, gentle.findings.map(\.message).joined(separator: "\n"))
    }

    func testASingleOutlierNightIsNotARegression() {
        for (seed, night) in [(UInt64(2), 9), (3, 15), (4, 27)] {
            var levels = Array(repeating: 20_000.0, count: 30)
            levels[night] = 80_000
            let analysis = TrendFixtures.analyze(TrendFixtures.series(levels, metric: .p99, seed: seed))
            XCTAssertEqual(analysis.verdict, .stable, "night \(night): \(analysis.findings.map(\.message))")
            XCTAssertTrue(analysis.changePoints.isEmpty)
        }
    }

    func testAnImprovementIsShownNeverFailed() throws {
        let series = TrendFixtures.series(
            Array(repeating: 400, count: 15) + Array(repeating: 620, count: 8), metric: .requestsPerSecond, seed: 9)
        let analysis = TrendFixtures.analyze(series)
        XCTAssertEqual(analysis.verdict, .improvement)
        let finding = try XCTUnwrap(analysis.findings.first)
        XCTAssertFalse(finding.isRegression)
        XCTAssertEqual(finding.startedAtRun, 16)
        XCTAssertTrue(finding.message.contains("improved +"), finding.message)
        let report = try TrendAnalysisFixtures.report(series: [series])
        XCTAssertEqual(report.verdict.exitCode, 0)
        XCTAssertEqual(report.verdict.improvements.count, 1)
    }

    func testFewerRequestsPerSecondIsTheRegressionSide() throws {
        let series = TrendFixtures.series(
            Array(repeating: 600, count: 15) + Array(repeating: 450, count: 8), metric: .requestsPerSecond, seed: 10)
        let finding = try XCTUnwrap(TrendFixtures.analyze(series).findings.first)
        XCTAssertTrue(finding.isRegression)
        XCTAssertTrue(finding.change.hasPrefix("-"), finding.change)
    }

    func testTheFirstNightOfAShiftIsCaughtByTheLatestRunRule() throws {
        let series = TrendFixtures.latencySeries(medians: Array(repeating: 20_000, count: 20) + [34_000])
        let analysis = TrendFixtures.analyze(series)
        XCTAssertEqual(analysis.verdict, .regression)
        let finding = try XCTUnwrap(analysis.findings.first)
        XCTAssertEqual(finding.rule, .latestRun)
        XCTAssertEqual(finding.startedAtRun, 21)
        XCTAssertLessThanOrEqual(finding.pValue, 0.001)
        XCTAssertTrue(finding.message.contains("one run so far"), finding.message)
        // Two nights in: the change-point test cannot be sure yet, the latest run still stands out, and the
        // night before it is named as the start.
        let second = TrendFixtures.analyze(
            TrendFixtures.latencySeries(medians: Array(repeating: 20_000, count: 20) + [34_000, 34_000]))
        let secondFinding = try XCTUnwrap(second.findings.first { $0.isRegression })
        XCTAssertEqual(secondFinding.startedAtRun, 21, secondFinding.message)
    }

    func testALatencyChangeInsideTheRunToRunSpreadIsNoise() {
        // Runs wander by ±15 % from night to night; a latest run 25 % up is within that spread.
        let series = TrendFixtures.latencySeries(
            medians: Array(repeating: 20_000, count: 20) + [25_000], runSpread: 0.15, seed: 12)
        let analysis = TrendFixtures.analyze(series)
        XCTAssertFalse(analysis.findings.contains { $0.rule == .latestRun }, analysis.findings.map(\.message).joined())
    }

    func testNewErrorsAreARegressionWhenThereAreEnoughOfThem() throws {
        let stable = Array(repeating: 0, count: 20)
        let many = TrendFixtures.analyze(TrendFixtures.rateSeries(stable + [12]))
        XCTAssertEqual(many.verdict, .regression)
        XCTAssertEqual(many.findings.first?.change, "+1.20 pp")
        // One error in a thousand requests after 20 000 clean ones is not evidence of anything yet.
        let one = TrendFixtures.analyze(TrendFixtures.rateSeries(stable + [1]))
        XCTAssertNotEqual(one.verdict, .regression)
    }

    func testAShortHistorySaysSoInsteadOfGuessing() {
        let analysis = TrendFixtures.analyze(TrendFixtures.series([100, 100, 300, 300, 300], metric: .p95))
        XCTAssertEqual(analysis.verdict, .insufficientHistory)
        XCTAssertTrue(analysis.findings.isEmpty)
        XCTAssertTrue(
            analysis.notes.first?.contains("5 run(s): the latest-run test needs 7, change points need 12") ?? false)
        let middle = TrendFixtures.analyze(TrendFixtures.series(Array(repeating: 100, count: 9), metric: .p95))
        XCTAssertEqual(middle.verdict, .stable)
        XCTAssertEqual(middle.notes, ["change points need 12 runs (has 9)"])
    }
}
