import Foundation
import XCTest

/// SIGINT, SIGTERM and SIGHUP — what Ctrl-C, CI runners, `timeout` and a closed terminal send — stop
/// every command cleanly: the partial result is printed and reported, the exit code is 130, and a second
/// signal exits at once. Output reaches a pipe line by line, so a CI log is never empty while it waits.
final class SignalTests: HostileServerTestCase {
    /// One step that answers, then one against a server that never does.
    private func hangingScenario() throws -> String {
        let file = folder.appendingPathComponent("hang.yaml")
        try """
        name: Hang
        steps:
          - name: Home answers
            url: /ok
          - name: Hangs forever
            url: /hang
        """.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    func testEachSignalStopsARunCleanlyWithItsPartialReports() throws {
        let scenario = try hangingScenario()
        for (signal, name) in [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM"), (SIGHUP, "SIGHUP")] {
            let reports = folder.appendingPathComponent("reports-\(name)")
            let command = try RunningCommand(["run", scenario, "--base-url", server.baseURL, "--reports", reports.path])
            // The first step's line reaches the pipe while the second step still waits: line-buffered output.
            XCTAssertTrue(command.waitForOutput(containing: "✔ Home answers"), "\(name): \(command.output)")
            XCTAssertTrue(command.isRunning, "\(name): still waiting for /hang")
            let signalled = Date()
            command.send(signal)
            let code = command.waitForExit()
            XCTAssertLessThan(Date().timeIntervalSince(signalled), 10, "\(name): stopped promptly")
            XCTAssertEqual(code, 130, "\(name): \(command.output)")
            XCTAssertTrue(command.output.contains("INTERRUPTED — results are partial"), "\(name): \(command.output)")
            XCTAssertTrue(command.output.contains("interrupted by \(name): the results are partial"), command.output)
            let junit = reports.appendingPathComponent("junit.xml").path
            XCTAssertTrue(FileManager.default.fileExists(atPath: junit), "\(name): partial reports written")
            let json = try String(contentsOf: reports.appendingPathComponent("report.json"), encoding: .utf8)
            XCTAssertTrue(json.contains("\"interrupted\" : true"), json)
            XCTAssertTrue(json.contains("\"exitCode\" : 130"), json)
        }
    }

    func testASIGTERMdGateLeavesItsPartialReports() throws {
        _ = try hangingScenario()
        try "suite: Hanging gate\nscenarios: [hang.yaml]\n"
            .write(to: folder.appendingPathComponent("gate.yaml"), atomically: true, encoding: .utf8)
        let reports = folder.appendingPathComponent("gate-reports")
        let command = try RunningCommand([
            "gate", "--scenarios", folder.path, "--no-load", "--base-url", server.baseURL, "--reports", reports.path,
        ])
        XCTAssertTrue(command.waitForOutput(containing: "✔ Home answers"), command.output)
        command.send(SIGTERM)
        XCTAssertEqual(command.waitForExit(), 130, command.output)
        for name in ["junit.xml", "report.json", "report.html"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: reports.appendingPathComponent(name).path), name)
        }
        let junit = try String(contentsOf: reports.appendingPathComponent("junit.xml"), encoding: .utf8)
        XCTAssertTrue(junit.contains("<testcase name=\"Home answers\""), junit)
        XCTAssertTrue(junit.hasSuffix("</testsuites>\n"), junit)
        // A CI server must not show a cut run as all-passing: the run ends with an `interrupted` error.
        let cases = try JUnitCases(file: reports.appendingPathComponent("junit.xml"))
        XCTAssertEqual(cases.red.last?.title, "run › interrupted", "\(cases.cases)")
        XCTAssertTrue(try Validators.xmllint(reports.appendingPathComponent("junit.xml").path).ok)
    }

    func testALoadStoppedBySIGTERMPrintsItsPartialResultAndExits130() throws {
        let command = try RunningCommand(["load", server.url("/ok"), "-t", "30", "-c", "2", "--no-reports"])
        XCTAssertTrue(command.waitForOutput(containing: "Loading "), command.output)
        Thread.sleep(forTimeInterval: 1)
        command.send(SIGTERM)
        XCTAssertEqual(command.waitForExit(), 130, command.output)
        XCTAssertTrue(command.output.contains("Requests per second:"), command.output)
        XCTAssertTrue(command.output.contains("✘ INTERRUPTED — results are partial"), command.output)
        XCTAssertFalse(command.output.contains("PASSED"), command.output)
    }

    func testASecondSignalExitsAtOnce() throws {
        let command = try RunningCommand(["run", try hangingScenario(), "--base-url", server.baseURL, "--no-reports"])
        XCTAssertTrue(command.waitForOutput(containing: "✔ Home answers"), command.output)
        // Two different signals: the kernel merges a second pending SIGTERM into the first.
        command.send(SIGTERM)
        command.send(SIGINT)
        XCTAssertEqual(command.waitForExit(), 130, command.output)
        XCTAssertTrue(command.output.contains("Interrupted again: exiting now"), command.output)
        XCTAssertFalse(command.output.contains("✘ INTERRUPTED"), "exited without finishing the run:\n\(command.output)")
    }

    /// Standard output and standard error share the CI log: each line arrives whole.
    func testStandardOutputAndErrorLinesAreNeverSpliced() throws {
        let command = try RunningCommand(["run", try hangingScenario(), "--base-url", server.baseURL, "--no-reports"])
        XCTAssertTrue(command.waitForOutput(containing: "✔ Home answers"), command.output)
        command.send(SIGINT)
        XCTAssertEqual(command.waitForExit(), 130, command.output)
        let lines = command.output.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertTrue(lines.contains { $0.hasPrefix("Interrupted: stopping the run") }, command.output)
        XCTAssertTrue(lines.contains { $0.hasPrefix("interrupted by SIGINT") }, command.output)
        XCTAssertTrue(lines.contains { $0.hasPrefix("✘ INTERRUPTED") }, command.output)
    }
}
