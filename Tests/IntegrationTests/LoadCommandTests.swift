import Foundation
import XCTest

/// `csar-check load` and scenario `load:` sections as users run them: output, exit codes, Ctrl-C.
final class LoadCommandTests: XCTestCase {
    func testAbStyleRunPrintsTheSummaryAndPasses() async throws {
        try await DemoSiteFixture.with { demo in
            let run = try CommandLineRun.run(
                ["load", demo.baseURL + "/", "-n", "40", "-c", "4", "-k", "--no-reports"], timeout: 30)
            XCTAssertEqual(run.exitCode, 0, run.output)
            for line in [
                "Complete requests:      40", "Failed requests:        0", "Keep-Alive requests:",
                "Requests per second:",
                "Connection Times (ms)", "Percentage of the requests served within a certain time (ms)",
                " 100%", "Status codes (expected: 2xx, 3xx):", "  200                   40", "p99.9", "wait (TTFB)",
                "✔ http_5xx == 0", "✔ PASSED",
            ] {
                XCTAssertTrue(run.stdout.contains(line), "missing '\(line)' in:\n\(run.stdout)")
            }
            XCTAssertFalse(run.output.contains("\r"), "no progress display without a TTY")
            XCTAssertFalse(run.output.contains("\u{1B}["), "no terminal control codes without a TTY")
        }
    }

    func testServerErrorsExitOne() async throws {
        try await DemoSiteFixture.with(faults: ["500:/"]) { demo in
            let run = try CommandLineRun.run(["load", demo.baseURL + "/", "-n", "10", "--no-reports"], timeout: 30)
            XCTAssertEqual(run.exitCode, 1, run.output)
            XCTAssertTrue(run.stdout.contains("Non-2xx responses:      10"), run.stdout)
            XCTAssertTrue(run.stdout.contains("✘ http_5xx == 0            http_5xx = 10"), run.stdout)
        }
    }

    func testAnUnreachableTargetExitsThree() throws {
        let url = "http://127.0.0.1:\(try ClosedPort.find())/"
        let run = try CommandLineRun.run(["load", url, "-n", "100", "-c", "5", "--no-reports"], timeout: 30)
        XCTAssertEqual(run.exitCode, 3, run.output)
        XCTAssertTrue(run.stderr.contains("error: target unreachable: \(url): failed during connect"), run.stderr)
    }

    func testUnboundedOrHugeRunsAreUsageErrors() throws {
        let url = "http://127.0.0.1:9/"
        for arguments in [
            ["load", url], ["load", url, "--rate", "10"], ["load", url, "-n", "0"], ["load", "ftp://x/", "-n", "1"],
            ["load", url, "-n", "2000000"], ["load", url, "-n", "10", "--max-requests", "5000000"],
        ] {
            let run = try CommandLineRun.run(arguments, timeout: 30)
            XCTAssertEqual(run.exitCode, 2, "\(arguments): \(run.output)")
        }
        // Raised explicitly, the huge run is accepted (and stops at once: nothing listens there).
        let closed = "http://127.0.0.1:\(try ClosedPort.find())/"
        let huge = try CommandLineRun.run(
            ["load", closed, "-n", "2000000", "--allow-huge-run", "--no-reports"], timeout: 30)
        XCTAssertEqual(huge.exitCode, 3, huge.output)
    }

    func testWritesTheReportsWithTheLoad() async throws {
        try await DemoSiteFixture.with { demo in
            let reports = try TemporaryFolder.make()
            let run = try CommandLineRun.run(
                ["load", demo.baseURL + "/", "-n", "5", "--reports", reports.path], timeout: 30)
            XCTAssertEqual(run.exitCode, 0, run.output)
            let data = try Data(contentsOf: reports.appendingPathComponent("report.json"))
            let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let loads = try XCTUnwrap(json["loads"] as? [[String: Any]])
            XCTAssertEqual(loads.first?["requests"] as? Int, 5)
            XCTAssertTrue(FileManager.default.fileExists(atPath: reports.appendingPathComponent("report.html").path))
        }
    }

    func testCtrlCStopsAndStillPrintsThePartialResult() async throws {
        try await DemoSiteFixture.with { demo in
            let process = try Self.startInterruptible([
                "load", demo.baseURL + "/", "-t", "20", "-c", "2", "--no-reports",
            ])
            try await Task.sleep(for: .seconds(1.5))
            let started = Date()
            let text = try await Self.interruptAndRead(process)
            XCTAssertLessThan(Date().timeIntervalSince(started), 10, "stopped within 10 s of Ctrl-C")
            XCTAssertTrue(text.contains("Requests per second:"), text)
            XCTAssertTrue(text.contains("interrupted: partial result"), text)
        }
    }

    /// The engine's single-threaded fast path (see `LoadEngine.run`): one lane, one thread in the process.
    func testASingleLaneRunKeepsTheProcessSingleThreaded() async throws {
        try await DemoSiteFixture.with { demo in
            let process = try Self.startInterruptible([
                "load", demo.baseURL + "/", "-t", "20", "-c", "2", "--no-reports",
            ])
            try await Task.sleep(for: .seconds(1))
            let threads = try FileManager.default.contentsOfDirectory(atPath: "/proc/\(process.processIdentifier)/task")
            let text = try await Self.interruptAndRead(process)
            XCTAssertEqual(threads.count, 1, "threads of a single-lane load run: \(threads)")
            XCTAssertTrue(text.contains("interrupted: partial result"), text)
        }
    }

    func testCtrlCStopsAScenarioRunAndStillReportsIt() async throws {
        try await DemoSiteFixture.with { demo in
            let process = try Self.startInterruptible(
                ["run", RepositoryPaths.scenario("nightly-load.yaml"), "--base-url", demo.baseURL, "--no-reports"])
            try await Task.sleep(for: .seconds(2))
            let started = Date()
            let text = try await Self.interruptAndRead(process)
            XCTAssertLessThan(Date().timeIntervalSince(started), 10, "stopped within 10 s of Ctrl-C")
            XCTAssertTrue(text.contains("interrupted"), text)
            XCTAssertTrue(text.contains("Requests per second:"), text)
        }
    }

    /// Starts csar-check with standard output captured, as a terminal user would before pressing Ctrl-C.
    private static func startInterruptible(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = RepositoryPaths.binary
        process.arguments = arguments
        process.standardOutput = Pipe()
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Sends SIGINT, waits up to 10 s for the process to end (then kills it) and returns its output.
    private static func interruptAndRead(_ process: Process) async throws -> String {
        process.interrupt()
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning, Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        if process.isRunning { process.terminate() }
        let output = (process.standardOutput as? Pipe)?.fileHandleForReading.readDataToEndOfFile() ?? Data()
        return String(decoding: output, as: UTF8.self)
    }

    func testTheShippedRunbookScenarioRunsItsLoad() async throws {
        try await DemoSiteFixture.with { demo in
            let run = try CommandLineRun.run(
                ["run", RepositoryPaths.scenario("load-home.yaml"), "--base-url", demo.baseURL, "--no-reports"],
                timeout: 60
            )
            XCTAssertEqual(run.exitCode, 0, run.output)
            XCTAssertTrue(run.stdout.contains("Complete requests:      50"), run.stdout)
            XCTAssertTrue(run.stdout.contains("Concurrency Level:      5"), run.stdout)
        }
    }
}
