import CSARHistory
import Foundation
import GRDB
import XCTest

/// `--history FILE` on gate, run, load and demo, as a nightly job uses it: the file is created on first
/// use, every run lands in it with its labels, and two processes may record into it at the same time.
final class HistoryRecordingTests: XCTestCase {
    func testGateRunLoadAndDemoRecordIntoOneFile() async throws {
        try await DemoSiteFixture.with { demo in
            let folder = try TemporaryFolder.make()
            let history = folder.appendingPathComponent("nightly/history.sqlite").path
            let commands: [[String]] = [
                [
                    "gate", "--base-url", demo.baseURL, "--no-load", "--skip", "production", "--label", "release=2.3",
                    "--label", "commit=abc123",
                ],
                ["run", RepositoryPaths.scenario("smoke.yaml"), "--base-url", demo.baseURL],
                ["load", demo.baseURL + "/", "-n", "20", "-c", "2"],
                ["demo"],
            ]
            for arguments in commands {
                let run = try CommandLineRun.run(
                    arguments + ["--history", history, "--no-reports"], environment: demo.adminEnvironment, timeout: 120
                )
                XCTAssertEqual(run.exitCode, 0, "\(arguments): \(run.output)")
                XCTAssertTrue(run.stdout.contains("History: run #"), run.stdout)
                XCTAssertTrue(run.stdout.contains("recorded in \(history)"), run.stdout)
            }
            let runs = try HistoryStore(path: history, create: false).runs()
            XCTAssertEqual(runs.map(\.command), ["gate", "run", "load", "demo"])
            XCTAssertEqual(runs[0].labelText, "commit=abc123 release=2.3")
            XCTAssertGreaterThan(runs[0].steps.count, 10)
            // Passed, but the side effects: the demo's doubles are `demo`'s, a gate against it has no settings.
            XCTAssertTrue(
                runs[0].steps.allSatisfy { $0.outcome == "passed" || $0.scenario == "Side effects" },
                "\(runs[0].steps.filter { $0.outcome != "passed" }.map(\.name))")
            XCTAssertFalse(runs[0].criteria.isEmpty)
            XCTAssertTrue(runs[1].steps.contains { $0.scenario == "Smoke" })
            XCTAssertEqual(runs[2].loads.first?.requests, 20)
            XCTAssertEqual(
                Set(runs[2].loads.first?.histograms.keys ?? [:].keys),
                ["total", "dns", "connect", "tls", "wait", "transfer"])
            XCTAssertEqual(runs[3].loads.count, 1, "the demo's gate includes its load run")
            XCTAssertTrue(runs.allSatisfy { $0.tool.hasPrefix("csar-check ") && $0.exitCode == 0 })
        }
    }

    func testAFailingRunIsRecordedWithItsExitCode() async throws {
        try await DemoSiteFixture.with(faults: ["500:/"]) { demo in
            let history = try TemporaryFolder.make().appendingPathComponent("h.sqlite").path
            let run = try CommandLineRun.run(
                ["load", demo.baseURL + "/", "-n", "10", "--history", history, "--no-reports"], timeout: 60)
            XCTAssertEqual(run.exitCode, 1, run.output)
            let recorded = try XCTUnwrap(try HistoryStore(path: history, create: false).runs().first)
            XCTAssertEqual(recorded.exitCode, 1)
            XCTAssertEqual(recorded.loads.first?.statusCounts.first?.status, 500)
        }
    }

    func testAnUnusableHistoryIsAUsageErrorBeforeAnythingIsSent() throws {
        let folder = try TemporaryFolder.make()
        let notADatabase = folder.appendingPathComponent("notes.txt")
        try Data(String(repeating: "not a database ", count: 20).utf8).write(to: notADatabase)
        let url = "http://127.0.0.1:\(try ClosedPort.find())/"
        for arguments in [
            ["load", url, "-n", "5", "--history", notADatabase.path],
            ["load", url, "-n", "5", "--label", "release=1"],
            ["load", url, "-n", "5", "--history", folder.appendingPathComponent("h.sqlite").path, "--label", "=x"],
        ] {
            let run = try CommandLineRun.run(arguments + ["--no-reports"], timeout: 30)
            XCTAssertEqual(run.exitCode, 2, "\(arguments): \(run.output)")
            XCTAssertFalse(run.stdout.contains("Complete requests"), "nothing is sent: \(run.output)")
        }
    }

    /// One process holds the file's write lock for a while (as a long `prune` would) and two more record at
    /// once: both wait their turn (WAL + busy timeout) and every run lands.
    func testConcurrentWritersAllLand() async throws {
        try await DemoSiteFixture.with { demo in
            let history = try TemporaryFolder.make().appendingPathComponent("shared.sqlite").path
            _ = try HistoryStore(path: history, create: true)
            let holder = try DatabaseQueue(path: history)
            let lockHeld = expectation(description: "write lock held")
            let release = DispatchSemaphore(value: 0)
            Thread.detachNewThread {
                try? holder.write { db in
                    try db.execute(sql: "CREATE TABLE IF NOT EXISTS lockProbe (id INTEGER)")
                    lockHeld.fulfill()
                    _ = release.wait(timeout: .now() + 10)
                }
            }
            await fulfillment(of: [lockHeld], timeout: 10)
            let runs = LockedRuns()
            let group = DispatchGroup()
            for writer in 0..<2 {
                group.enter()
                Thread.detachNewThread {
                    for round in 0..<2 {
                        let label = "writer=\(writer)-\(round)"
                        runs.append(
                            try? CommandLineRun.run(
                                [
                                    "load", demo.baseURL + "/", "-n", "10", "--history", history, "--label", label,
                                    "--no-reports",
                                ], timeout: 60))
                    }
                    group.leave()
                }
            }
            // The writers are blocked on the lock: hold it 1.5 s, then let them through.
            try await Task.sleep(for: .seconds(1.5))
            release.signal()
            let finished = await withCheckedContinuation { continuation in
                DispatchQueue.global().async { continuation.resume(returning: group.wait(timeout: .now() + 120)) }
            }
            XCTAssertEqual(finished, .success)
            try holder.close()
            XCTAssertEqual(runs.all.count, 4)
            for run in runs.all {
                XCTAssertEqual(run?.exitCode, 0, run?.output ?? "no run")
            }
            let recorded = try HistoryStore(path: history, create: false).runs()
            XCTAssertEqual(
                Set(recorded.map(\.labelText)), ["writer=0-0", "writer=0-1", "writer=1-0", "writer=1-1"])
            XCTAssertEqual(Set(recorded.map(\.id)).count, 4)
        }
    }

    /// Two processes creating the same new file at once: one migrates it, the other finds it done.
    func testTwoFirstUsesOfTheSameFile() async throws {
        try await DemoSiteFixture.with { demo in
            let history = try TemporaryFolder.make().appendingPathComponent("new.sqlite").path
            let runs = LockedRuns()
            DispatchQueue.concurrentPerform(iterations: 3) { _ in
                runs.append(
                    try? CommandLineRun.run(
                        ["load", demo.baseURL + "/", "-n", "5", "--history", history, "--no-reports"], timeout: 60))
            }
            for run in runs.all {
                XCTAssertEqual(run?.exitCode, 0, run?.output ?? "no run")
            }
            XCTAssertEqual(try HistoryStore(path: history, create: false).runs().count, 3)
        }
    }
}

/// Command results gathered from several threads.
final class LockedRuns: @unchecked Sendable {
    private let lock = NSLock()
    private var runs: [CommandLineRun?] = []

    func append(_ run: CommandLineRun?) { lock.withLock { runs.append(run) } }
    var all: [CommandLineRun?] { lock.withLock { runs } }
}
