import Foundation
import XCTest

/// Every documented exit code for every command that sends requests — 0 passed, 1 a check failed, 2 a usage or
/// file error (nothing sent), 3 the target unreachable — run as a user runs them: from an empty folder, the
/// shipped scenarios found through `CSAR_SCENARIOS` (or, for the installed package named by
/// `CSAR_INSTALLED_BINARY`, through its own share folder), against the demo site healthy, the demo site
/// broken, and a port where nothing listens.
final class ExitCodeTests: XCTestCase {
    /// The commands under test, each with the arguments that make it a run of the shipped scenarios. The demo
    /// sites here serve plain HTTP, as a staging site may: the gate leaves its production checks out (their exit
    /// codes are `LaravelProductionTests`', over TLS).
    private static func commands(history: String) -> [(name: String, arguments: [String])] {
        [
            ("smoke", ["smoke"]),
            ("run", ["run", "smoke.yaml", "warehouse-map.yaml"]),
            ("run of the folder's gate suite", ["run", "Scenarios/gate.yaml", "--skip", "production"]),
            ("gate", ["gate", "--skip", "production"]),
            ("nightly", ["nightly", "--history", history, "--nightly", "nightly-quick.yaml", "--skip", "production"]),
        ]
    }

    /// A nightly load small enough for a test: 20 requests of the home page at 40 req/s.
    static let quickNightly = """
        name: Nightly quick load
        load: { url: /, rate: 40, requests: 20, concurrency: 5 }
        criteria: [http_5xx == 0, error_rate <= 5%]
        """

    func testEveryCommandExitsWithTheDocumentedCodeFromAnEmptyFolder() async throws {
        for binary in Self.binaries() {
            try await check(binary)
        }
    }

    private func check(_ binary: (name: String, path: String?, environment: [String: String])) async throws {
        try await DemoSiteFixture.with { healthy in
            try await DemoSiteFixture.with(faults: ["500:/api/warehouses"]) { broken in
                let folder = try TemporaryFolder.make()
                defer { try? FileManager.default.removeItem(at: folder) }
                try Self.quickNightly.write(
                    to: folder.appendingPathComponent("nightly-quick.yaml"), atomically: true, encoding: .utf8)
                let closed = "http://127.0.0.1:\(try ClosedPort.find())"
                let situations: [(target: String, extra: [String], expected: Int32, why: String)] = [
                    (healthy.baseURL, [], 0, "a healthy site"),
                    (broken.baseURL, [], 1, "a site whose API answers 500"),
                    (healthy.baseURL, ["--var", "api_pth=/x"], 2, "a misspelt --var"),
                    (healthy.baseURL, ["--tag", "no-such-tag"], 2, "a --tag no file carries"),
                    (
                        healthy.baseURL, ["--sms-sink", "127.0.0.1:0"], 2,
                        "an SMS double asked for without the site's SMS_CLIENT_ID and SMS_CLIENT_SECRET"
                    ),
                    (closed, [], 3, "nothing listening"),
                ]
                for (index, situation) in situations.enumerated() {
                    let history = folder.appendingPathComponent("history-\(index).sqlite").path
                    for command in Self.commands(history: history) {
                        let arguments =
                            command.arguments + ["--base-url", situation.target, "--no-reports"] + situation.extra
                        let run = try CommandLineRun.run(
                            arguments, environment: binary.environment.merging(healthy.adminEnvironment) { a, _ in a },
                            timeout: 180, directory: folder, executable: binary.path)
                        XCTAssertEqual(
                            run.exitCode, situation.expected,
                            "\(binary.name): \(command.name) against \(situation.why) (\(arguments.joined(separator: " "))):\n"
                                + run.output)
                        if situation.expected == 3 {
                            XCTAssertTrue(run.stderr.contains("error: target unreachable: \(closed)"), run.stderr)
                        }
                    }
                }
                let load: [(arguments: [String], expected: Int32)] = [
                    (["load", healthy.baseURL + "/", "-n", "20", "-c", "2"], 0),
                    (["load", broken.baseURL + "/api/warehouses", "-n", "20", "-c", "2"], 1),
                    (["load", healthy.baseURL + "/", "-n", "20", "--timeout", "soon"], 2),
                    (["load", closed + "/", "-n", "20"], 3),
                ]
                for (arguments, expected) in load {
                    let run = try CommandLineRun.run(
                        arguments + ["--no-reports"], environment: binary.environment, directory: folder,
                        executable: binary.path)
                    XCTAssertEqual(
                        run.exitCode, expected, "\(binary.name): \(arguments.joined(separator: " ")):\n\(run.output)")
                }
            }
        }
    }

    /// The built binary with the repository's scenarios through `CSAR_SCENARIOS`, and the installed package when
    /// `CSAR_INSTALLED_BINARY` names it (CI installs it first), which must find its own scenarios.
    static func binaries() -> [(name: String, path: String?, environment: [String: String])] {
        var binaries: [(name: String, path: String?, environment: [String: String])] = [
            ("built", nil, ["CSAR_SCENARIOS": RepositoryPaths.root.appendingPathComponent("Scenarios").path])
        ]
        if let installed = ProcessInfo.processInfo.environment["CSAR_INSTALLED_BINARY"] {
            binaries.append(("installed \(installed)", installed, ["CSAR_SCENARIOS": ""]))
        }
        return binaries
    }
}
