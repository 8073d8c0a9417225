import Foundation
import XCTest

/// SIGTERM and SIGINT outside the request phase — while `trend` reads a large history, while `history prune`
/// deletes from it, while `nightly` judges its trend — stop the command: exit 130, a message saying what
/// was and was not done, and a history as it was (same bytes for readers, same rows for prune, and for
/// nightly the night's run recorded whole).
final class HistorySignalTests: HostileServerTestCase {
    /// A real recorded history made large: 3 recorded load runs, copied to 3,003 runs of `command`.
    private func largeHistory(command: String = "load") throws -> String {
        let history = folder.appendingPathComponent("large.sqlite").path
        try HistoryFixtures.record(3, of: server.url("/ok"), into: history)
        try HistoryFixtures.enlarge(history, copies: 1000, command: command)
        return history
    }

    func testASignalDuringTrendStopsItWith130AndLeavesTheHistoryAsItWas() throws {
        let history = try largeHistory()
        let before = try Data(contentsOf: URL(fileURLWithPath: history))
        for (signal, name) in [(SIGTERM, "SIGTERM"), (SIGINT, "SIGINT")] {
            let reports = folder.appendingPathComponent("reports-\(name)")
            let trend = try RunningCommand(["trend", history, "--reports", reports.path])
            XCTAssertTrue(trend.waitUntilCatching(signal), trend.output)
            Thread.sleep(forTimeInterval: 0.3)
            XCTAssertTrue(trend.isRunning, "\(name): still reading 3,003 runs")
            let sent = Date()
            trend.send(signal)
            XCTAssertEqual(trend.waitForExit(), 130, "\(name): \(trend.output)")
            XCTAssertLessThan(Date().timeIntervalSince(sent), 1, "\(name): stopped promptly")
            XCTAssertTrue(
                trend.output.contains(
                    "error: interrupted by \(name): \(history): the trend was not judged and no trend report written; "
                        + "the history is unchanged"), trend.output)
            XCTAssertFalse(FileManager.default.fileExists(atPath: reports.appendingPathComponent("trend.json").path))
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: history)), before, "the same bytes")
    }

    func testASignalDuringPruneRollsItBack() throws {
        let history = try largeHistory()
        let before = try HistoryFixtures.content(history)
        let prune = try RunningCommand(["history", "prune", history, "--keep", "1"])
        XCTAssertTrue(prune.waitUntilCatching(SIGTERM), prune.output)
        prune.send(SIGTERM)
        XCTAssertEqual(prune.waitForExit(), 130, prune.output)
        XCTAssertTrue(prune.output.contains("error: interrupted by SIGTERM: \(history): "), prune.output)
        XCTAssertTrue(prune.output.contains("nothing was deleted"), prune.output)
        XCTAssertEqual(try HistoryFixtures.runCount(history), 3003)
        XCTAssertEqual(try HistoryFixtures.integrity(history), "ok")
        // Row for row: SQLite may lay out its pages anew (a freed page), the runs are what they were.
        XCTAssertTrue(try HistoryFixtures.content(history) == before, "every row as it was")
    }

    /// Nightly against the demo site with a large history of nightly runs: the signal comes once the night's
    /// run is recorded, while the trend reads the history.
    func testASignalDuringNightlysTrendPhaseEndsItWith130AndTheRunRecorded() async throws {
        let history = try largeHistory(command: "nightly")
        try await DemoSiteFixture.with { demo in
            let load = folder.appendingPathComponent("short-load.yaml")
            try "name: Short load\nload: { url: /, requests: 20, concurrency: 2, keep_alive: true }\n".write(
                to: load, atomically: true, encoding: .utf8)
            let reports = folder.appendingPathComponent("nightly-reports")
            let nightly = try RunningCommand(
                [
                    "nightly", "--history", history, "--base-url", demo.baseURL, "--nightly", load.path, "--reports",
                    reports.path, "--skip", "production",
                ], environment: demo.adminEnvironment)
            XCTAssertTrue(
                nightly.waitForOutput(containing: "History: run #3004 recorded", timeout: 120), nightly.output)
            let sent = Date()
            nightly.send(SIGTERM)
            XCTAssertEqual(nightly.waitForExit(), 130, nightly.output)
            XCTAssertLessThan(Date().timeIntervalSince(sent), 2, "stopped promptly")
            XCTAssertTrue(nightly.output.contains("Nightly: INTERRUPTED (exit 130)"), nightly.output)
            XCTAssertTrue(
                nightly.output.contains(
                    "error: interrupted by SIGTERM: \(history): run #3004 is recorded; the trend was not judged and "
                        + "no trend report written"), nightly.output)
            XCTAssertFalse(nightly.output.contains("Nightly: PASSED"), nightly.output)
            XCTAssertFalse(FileManager.default.fileExists(atPath: reports.appendingPathComponent("trend.json").path))
            XCTAssertTrue(FileManager.default.fileExists(atPath: reports.appendingPathComponent("junit.xml").path))
            XCTAssertEqual(try HistoryFixtures.runCount(history), 3004)
            XCTAssertEqual(try HistoryFixtures.integrity(history), "ok")
        }
    }
}
