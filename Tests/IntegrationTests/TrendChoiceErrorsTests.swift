import Foundation
import XCTest

/// Choices of runs that would judge nothing and pass for ever, refused with exit 2 and the names that
/// exist: a misspelt `trend --command`, and a `nightly --baseline` that is no nightly run — refused before
/// the night's requests are sent, not after the whole run.
final class TrendChoiceErrorsTests: HostileServerTestCase {
    private func history(nightlyCopies: Int = 0) throws -> String {
        let history = folder.appendingPathComponent("h.sqlite").path
        try HistoryFixtures.record(3, of: server.url("/ok"), into: history)
        if nightlyCopies > 0 { try HistoryFixtures.enlarge(history, copies: nightlyCopies, command: "nightly") }
        return history
    }

    func testAMisspeltCommandIsAnErrorNamingTheRecordedOnes() throws {
        let history = try history()
        let typo = try CommandLineRun.run(["trend", history, "--command", "laod", "--no-reports"])
        XCTAssertEqual(typo.exitCode, 2, typo.output)
        XCTAssertTrue(
            typo.stderr.contains("\(history): no `laod` run among its 3 run(s) (--command); it holds runs of `load`"),
            typo.stderr)
        let right = try CommandLineRun.run(["trend", history, "--command", "load", "--no-reports"])
        XCTAssertEqual(right.exitCode, 0, right.output)
    }

    func testNightlyRefusesAnUnknownBaselineBeforeSendingAnything() throws {
        let history = try history(nightlyCopies: 1)
        let before = try server.receivedRequests().count
        let nightly = try CommandLineRun.run([
            "nightly", "--history", history, "--base-url", server.baseURL, "--baseline", "999", "--no-reports",
        ])
        XCTAssertEqual(nightly.exitCode, 2, nightly.output)
        XCTAssertTrue(
            nightly.stderr.contains(
                "\(history): no `nightly` run #999 to use as the baseline; the `nightly` runs recorded are #1, #4, "
                    + "#2, #5, #3, #6"), nightly.stderr)
        XCTAssertEqual(try server.receivedRequests().count, before, "nothing was sent")
        XCTAssertEqual(try HistoryFixtures.runCount(history), 6, "nothing was recorded")

        let fresh = folder.appendingPathComponent("fresh.sqlite").path
        let first = try CommandLineRun.run([
            "nightly", "--history", fresh, "--base-url", server.baseURL, "--baseline", "1", "--no-reports",
        ])
        XCTAssertEqual(first.exitCode, 2, first.output)
        XCTAssertTrue(first.stderr.contains("no `nightly` run #1 to use as the baseline; none is recorded yet"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: fresh), "no history file made")
    }
}
