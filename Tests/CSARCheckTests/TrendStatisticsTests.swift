import Foundation
import XCTest

@testable import CSARHistory

/// The pieces under the verdict: the energy statistic, the permutation test, the distribution functions.
final class TrendStatisticsTests: XCTestCase {
    /// Q̂ from its definition, every sum written out, for comparison with the O(L²) version.
    private func naiveQHat(_ z: [Double], _ range: Range<Int>, tau: Int, kappa: Int) -> Double {
        let x = Array(z[range.lowerBound..<tau])
        let y = Array(z[tau..<kappa])
        let (n, m) = (Double(x.count), Double(y.count))
        var between = 0.0
        for a in x { for b in y { between += abs(a - b) } }
        var withinX = 0.0
        for i in 0..<x.count { for k in (i + 1)..<max(i + 1, x.count) { withinX += abs(x[i] - x[k]) } }
        var withinY = 0.0
        for j in 0..<y.count { for k in (j + 1)..<max(j + 1, y.count) { withinY += abs(y[j] - y[k]) } }
        let meanX = n > 1 ? withinX / (n * (n - 1) / 2) : 0
        let meanY = m > 1 ? withinY / (m * (m - 1) / 2) : 0
        return (m * n / (m + n)) * (2 * between / (m * n) - meanX - meanY)
    }

    func testEnergyStatisticMatchesItsDefinition() {
        var noise = TrendFixtures.Noise(seed: 3)
        let values = (0..<14).map { $0 < 9 ? noise.normal() : 2 + noise.normal() }
        let statistic = EnergyStatistic(values)
        for range in [0..<14, 3..<11, 5..<7] {
            var best = (index: -1, qHat: -Double.infinity)
            for tau in (range.lowerBound + 1)..<range.upperBound {
                for kappa in (tau + 1)...range.upperBound {
                    let q = naiveQHat(values, range, tau: tau, kappa: kappa)
                    if q > best.qHat + 1e-12 { best = (tau, q) }
                }
            }
            let found = statistic.bestSplit(in: range)
            XCTAssertEqual(found?.index, best.index, "\(range)")
            XCTAssertEqual(found?.qHat ?? 0, best.qHat, accuracy: 1e-9, "\(range)")
        }
    }

    func testAClearStepIsFoundAtTheRightRun() {
        let series = TrendFixtures.series(Array(repeating: 100, count: 14) + Array(repeating: 130, count: 10), seed: 11)
        let found = ChangePointDetector().changePoints(series.points.map { log($0.value) }, seed: "step")
        XCTAssertEqual(found.map(\.index), [14])
        XCTAssertLessThanOrEqual(found[0].pValue, 0.01)
    }

    func testTheSameHistoryGivesTheSameAnswer() {
        let values = TrendFixtures.series(Array(repeating: 100, count: 12) + Array(repeating: 110, count: 6), seed: 5)
            .points.map(\.value)
        let detector = ChangePointDetector()
        XCTAssertEqual(detector.changePoints(values, seed: "a"), detector.changePoints(values, seed: "a"))
    }

    func testASingleOutlierIsNeverAChangePoint() {
        for (seed, night) in zip(UInt64(1)...7, [0, 4, 8, 12, 16, 20, 29]) {
            var levels = Array(repeating: 100.0, count: 30)
            levels[night] = 400
            let values = TrendFixtures.series(levels, seed: seed).points.map { log($0.value) }
            XCTAssertEqual(ChangePointDetector().changePoints(values, seed: "outlier").count, 0, "night \(night)")
        }
    }

    /// Seen on real nightly runs: the first run slow (a cold site), the rest drifting slowly up. Without a
    /// minimum segment, E-divisive made the first run a level of its own (p = 0.003).
    func testAnOddFirstRunDoesNotBecomeTheBaseline() {
        let milliseconds = [
            9.25, 1.65, 1.56, 1.75, 1.53, 2.01, 1.64, 1.68, 1.98, 1.99, 2.15, 1.9, 4.51, 2.19, 2.27, 2.76, 2.47, 1.98,
            3.48,
            2.15,
        ]
        let found = ChangePointDetector().changePoints(
            milliseconds.map(log), seed: "step: Demande form › Valid request")
        XCTAssertFalse(found.contains { $0.index < 3 }, "\(found)")
    }

    func testMinimumRunsFollowTheSignificanceLevel() {
        XCTAssertEqual(ChangePointDetector.minimumRuns(alpha: 0.01), 12)
        XCTAssertGreaterThan(ChangePointDetector.minimumRuns(alpha: 0.001), 12)
        XCTAssertLessThan(ChangePointDetector.minimumRuns(alpha: 0.05), 12)
    }

    func testDistributionFunctions() {
        // Reference values from tables (R: pt(2, 10, lower.tail = FALSE), pbinom).
        XCTAssertEqual(Statistics.studentUpperTail(2, degrees: 10), 0.036_694, accuracy: 1e-5)
        XCTAssertEqual(Statistics.studentUpperTail(0, degrees: 5), 0.5, accuracy: 1e-12)
        XCTAssertEqual(Statistics.studentUpperTail(-1.5, degrees: 20), 1 - 0.074_617, accuracy: 1e-5)
        XCTAssertEqual(Statistics.studentUpperTail(3.85, degrees: 29), 0.000_298, accuracy: 2e-5)
        XCTAssertEqual(Statistics.binomialUpperTail(3, trials: 10, probability: 0.1), 0.070_191, accuracy: 1e-6)
        XCTAssertEqual(Statistics.binomialUpperTail(1, trials: 1, probability: 0.05), 0.05, accuracy: 1e-12)
        XCTAssertEqual(Statistics.binomialUpperTail(0, trials: 5, probability: 0.3), 1)
        XCTAssertEqual(Statistics.median([3, 1, 2, 10]), 2.5)
        XCTAssertEqual(Statistics.robustScale([1, 2, 3, 4, 100]), 1.4826, accuracy: 1e-9)
    }
}
