import Foundation
import XCTest

/// `--max-time` bounds the whole run: against a server that never answers, three steps with the default 30 s
/// timeout would take 90 s; with `--max-time 2s` the run stops after 2 s as on SIGTERM, writes its partial
/// reports and says why.
final class MaxTimeTests: HostileServerTestCase {
    func testAHungSiteHoldsTheRunNoLongerThanMaxTime() throws {
        let steps = (1...3).map { "  - name: Hangs \($0)\n    url: /hang\n" }.joined()
        let file = try scenario("name: Hung\nsteps:\n" + steps)
        let reports = folder.appendingPathComponent("reports")
        let started = Date()
        let run = try CommandLineRun.run(
            ["run", file, "--base-url", server.baseURL, "--max-time", "2s", "--reports", reports.path],
            timeout: 30)
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertEqual(run.exitCode, 130, run.output)
        XCTAssertLessThan(elapsed, 10, "bounded by --max-time, not by 3 × --timeout")
        XCTAssertGreaterThanOrEqual(elapsed, 2)
        XCTAssertTrue(run.stderr.contains("interrupted at --max-time 2s: the results are partial"), run.stderr)
        let junit = try String(contentsOf: reports.appendingPathComponent("junit.xml"), encoding: .utf8)
        XCTAssertTrue(junit.contains("the run was interrupted: results are partial"), junit)
    }

    func testALoadStopsAtMaxTime() throws {
        let started = Date()
        let run = try CommandLineRun.run(
            ["load", server.url("/hang"), "-n", "10", "-c", "2", "--max-time", "1s", "--no-reports"], timeout: 30)
        XCTAssertEqual(run.exitCode, 130, run.output)
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
        XCTAssertTrue(run.stderr.contains("interrupted at --max-time 1s"), run.stderr)
    }
}
