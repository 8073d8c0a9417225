import Foundation
import XCTest

@testable import CSARHistory

/// How often noise alone raises an alarm. Each set simulates histories of 30 nightly runs with no change
/// at all and counts the series the verdict calls a regression: with the statistics alone (no tolerance),
/// the rates must stay near the stated significance levels; with the default tolerances, none.
/// `CSAR_TREND_SIMULATIONS=N` runs N histories per set instead of 100 (the README's figures).
final class TrendFalseAlarmTests: XCTestCase {
    private var histories: Int {
        ProcessInfo.processInfo.environment["CSAR_TREND_SIMULATIONS"].flatMap(Int.init) ?? 100
    }

    private struct Tally: CustomStringConvertible {
        var histories = 0
        var changePoint = 0
        var latestRun = 0
        var any = 0

        mutating func add(_ analysis: SeriesAnalysis) {
            histories += 1
            let rules = Set(analysis.findings.filter(\.isRegression).map(\.rule))
            if rules.contains(.changePoint) { changePoint += 1 }
            if rules.contains(.latestRun) { latestRun += 1 }
            if !rules.isEmpty { any += 1 }
        }

        var description: String {
            "\(any) of \(histories) histories (change point \(changePoint), latest run \(latestRun))"
        }
    }

    private func simulate(_ label: String, settings: TrendSettings, histories: [TrendSeries]) -> Tally {
        var tally = Tally()
        for series in histories {
            tally.add(TrendFixtures.analyze(series, settings: settings))
        }
        print("false alarms, \(label): \(tally)")
        return tally
    }

    func testNoiseAloneRarelyPassesTheStatisticsAndNeverTheVerdict() {
        let flat = Array(repeating: 20_000.0, count: 30)
        // Histograms are slow to make in a debug build: a third as many of those histories.
        let shapes: [(String, (UInt64) -> TrendSeries)] = [
            ("normal noise, cv 5 %", { TrendFixtures.series(flat, metric: .p95, cv: 0.05, seed: $0) }),
            (
                "heavy-tailed noise (t3), cv 5 %",
                { TrendFixtures.series(flat, metric: .p95, cv: 0.05, seed: $0, heavy: true) }
            ),
            (
                "histograms of 200 requests, runs ±4 %",
                { TrendFixtures.latencySeries(medians: flat, requests: 200, seed: $0) }
            ),
        ]
        for (label, make) in shapes {
            let count = label.hasPrefix("histograms") ? max(1, histories / 3) : histories
            let series = (0..<UInt64(count)).map { make($0 * 7919 + 1) }
            let statistics = simulate(
                "\(label), statistics only", settings: TrendFixtures.statisticsOnly, histories: series)
            // One-sided: a regression is half of the two-sided α = 1 % of the change-point test, plus the
            // latest-run test's 0.1 %; allow for the heavy tails and for chance over the histories simulated.
            XCTAssertLessThanOrEqual(Double(statistics.any), max(4, 0.03 * Double(count)), "\(label): \(statistics)")
            let verdict = simulate("\(label), default tolerances", settings: TrendSettings(), histories: series)
            XCTAssertEqual(verdict.any, 0, "\(label): \(verdict)")
        }
    }
}
