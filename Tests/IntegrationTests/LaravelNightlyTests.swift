import CSARHistory
import Foundation
import XCTest

/// `csar-check nightly` as the nightly CI job calls it, with the built binary, against the real Laravel stack:
/// the shipped gate, `load-home.yaml` and `nightly-load.yaml` (the home page at 20 req/s, then the warehouse
/// API at 30 req/min). Green on a healthy Laravel with its default `throttle:api` (60 requests a minute per
/// client) and not one 429; red, on `error_rate` with the 429s by status, when the site's API limit is below
/// the load's rate.
final class LaravelNightlyTests: XCTestCase {
    private static let loadNames = [
        "Load — home page (runbook)", "Nightly load — home page at 20 req/s",
        "Nightly load — warehouse API at 30 req/min",
    ]

    /// The whole shipped nightly, once (about two minutes): the one full run of the suite.
    func testShippedNightlyPassesWithinLaravelsDefaultThrottle() throws {
        let stack = try LaravelStack.healthy()
        defer { try? stack.reset() }
        let folder = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        let history = folder.appendingPathComponent("nightly.sqlite").path
        let accessLog = try NginxAccessLog(stack)

        let started = Date()
        let run = try Self.nightly(stack, history: history, reports: folder.appendingPathComponent("reports"))
        let wallTime = Date().timeIntervalSince(started)
        XCTAssertEqual(run.exitCode, 0, run.output)
        XCTAssertTrue(run.stdout.contains("Nightly: PASSED (exit 0)"), run.stdout)

        let recorded = try XCTUnwrap(try HistoryStore(path: history, create: false).runs().last)
        XCTAssertEqual(recorded.loads.map(\.name), Self.loadNames)
        for load in recorded.loads {
            XCTAssertEqual(load.responses(in: 429...429), 0, "\(load.name): \(load.statusCounts)")
            XCTAssertEqual(load.unexpectedResponses, 0, "\(load.name): \(load.statusCounts)")
            XCTAssertEqual(load.transportErrors, 0, load.name)
            print(Self.figures(load))
        }
        XCTAssertEqual(recorded.loads.map(\.requests), [50, 1_200, 30])

        // What the site saw: the gate's two API requests (smoke HEAD, warehouse map GET) and the load's 30, no
        // 429, and never more than 32 in any 60 s — the budget nightly-api.yaml documents, under the limit of 60.
        let api = try accessLog.requestsSinceOpened(pathPrefix: "/api/")
        XCTAssertEqual(api.count, 32, "API requests at the site: \(api.map(\.status))")
        XCTAssertEqual(api.filter { $0.status == 429 }.count, 0)
        let busiest = NginxAccessLog.busiestMinute(api)
        XCTAssertLessThanOrEqual(busiest, 32)
        print(
            "nightly on real Laravel (throttle:api 60/min): exit \(run.exitCode) in \(Self.decimal(wallTime)) s; "
                + "API requests at the site \(api.count), at most \(busiest) in any 60 s, "
                + "429 × \(api.filter { $0.status == 429 }.count)")
    }

    /// The site's API limited to 10 requests a minute, below the nightly API load's 30: the night goes red on the
    /// load's `error_rate`, the 429s shown by status, while every gate step stays green. The shipped API load is
    /// shortened to 40 s (20 requests): with the gate's 2 that is 22 API requests in well under two minutes, so
    /// at most two windows of 10, however they fall across the gate and the load; at least 2 are refused.
    func testAnAPILimitBelowTheNightlyRateTurnsTheNightRed() throws {
        let stack = try LaravelStack.healthy()
        defer { try? stack.reset() }
        try stack.fault("throttle:api=10")
        let folder = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        let shipped = try String(contentsOfFile: RepositoryPaths.scenario("nightly-api.yaml"), encoding: .utf8)
        let shortened = shipped.replacingOccurrences(of: "\n  duration: 60s\n", with: "\n  duration: 40s\n")
        XCTAssertNotEqual(shortened, shipped, "nightly-api.yaml no longer has `duration: 60s`")
        let apiLoad = folder.appendingPathComponent("nightly-api-40s.yaml")
        try shortened.write(to: apiLoad, atomically: true, encoding: .utf8)
        let history = folder.appendingPathComponent("nightly.sqlite").path
        let reports = folder.appendingPathComponent("reports")

        let arguments = ["--no-load", "--nightly", apiLoad.path, "--label", "api=10/min"]
        let run = try Self.nightly(stack, history: history, reports: reports, arguments)
        XCTAssertEqual(run.exitCode, 1, run.output)
        XCTAssertTrue(run.stdout.contains("Nightly: FAILED (exit 1)"), run.stdout)
        let load = try XCTUnwrap(try HistoryStore(path: history, create: false).runs().last?.loads.last)
        print(Self.figures(load))
        let throttled = load.responses(in: 429...429)
        XCTAssertGreaterThanOrEqual(throttled, 2, "\(load.statusCounts)")
        XCTAssertEqual(load.unexpectedResponses, throttled, "\(load.statusCounts)")
        XCTAssertEqual(load.requests, 20)
        let criterion = /✘ error_rate <= 5% +error_rate = [\d.]+ % \(429 × \d+\) load: Nightly load — warehouse API/
        XCTAssertNotNil(run.stdout.firstMatch(of: criterion), run.stdout)
        XCTAssertNotNil(run.stdout.firstMatch(of: /\n +429 +\d+ +unexpected\n/), "429 by status: \(run.stdout)")
        let junit = try JUnitCases(file: reports.appendingPathComponent("junit.xml"))
        // Every gate step passed: the load's error_rate, and the run's (the runbook's), are all that is red.
        XCTAssertEqual(
            junit.red.map(\.title),
            [
                "criteria › run / error_rate <= 5%",
                "criteria › load: Nightly load — warehouse API at 30 req/min / error_rate <= 5%",
            ])
    }

    private static func nightly(
        _ stack: LaravelStack, history: String, reports: URL, _ extra: [String] = []
    ) throws -> CommandLineRun {
        let arguments = [
            "nightly", "--history", history, "--base-url", stack.baseURL, "--skip", "production", "--reports",
            reports.path,
        ]
        return try CommandLineRun.run(arguments + extra, environment: stack.adminEnvironment, timeout: 600)
    }

    private static func figures(_ load: RecordedLoad) -> String {
        let statuses = load.statusCounts.map { "\($0.status) × \($0.count)" }.joined(separator: ", ")
        let errors = Double(load.unexpectedResponses + load.transportErrors)
        let inError = load.requests == 0 ? 0 : errors / Double(load.requests)
        return "\(load.name): \(load.requests) requests (\(statuses)), 429 × \(load.responses(in: 429...429)), "
            + "in error \(decimal(100 * inError)) %, p95 \(decimal(Double(load.p95Micros) / 1_000)) ms, "
            + "\(decimal(load.requestsPerSecond)) req/s, \(decimal(load.wallTime)) s"
    }

    private static func decimal(_ value: Double) -> String {
        String(format: "%.2f", value)
    }
}
