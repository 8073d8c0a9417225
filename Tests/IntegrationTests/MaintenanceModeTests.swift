import CSARCheck
import XCTest

/// Testing behind `php artisan down --secret`: the bypass cookie lets every scenario through; without
/// it the run fails and says why in plain words.
final class MaintenanceModeTests: XCTestCase {
    func testWithoutTheSecretTheRunFailsAndSaysMaintenance() async throws {
        try await DemoSiteFixture.with(faults: ["maintenance:deploy-2026"]) { demo in
            let scenario = try ScenarioLoader().load(file: RepositoryPaths.scenario("smoke.yaml"))
            let configuration = RunConfiguration(baseURL: demo.baseURL)
            let results = await DedicatedThread.run {
                SuiteRun(
                    scenarios: [scenario], configuration: configuration,
                    reporter: ConsoleReporter(style: .init(colored: false)) { _ in }
                )
                .execute()
            }
            let result = try XCTUnwrap(results.scenarios.first)
            XCTAssertFalse(result.passed)
            XCTAssertEqual(result.steps.first?.response?.status, 503)
            XCTAssertTrue(result.notes.first?.contains("maintenance mode") ?? false, result.notes.description)
            XCTAssertTrue(result.notes.first?.contains("--bypass-secret") ?? false)
        }
    }

    /// The note is where CI servers show failures — the failed testcase's message — not only in the suite's
    /// `system-err`, which they hide.
    func testTheMaintenanceNoteIsInTheFailedTestcasesMessage() async throws {
        try await DemoSiteFixture.with(faults: ["maintenance:deploy-2026"]) { demo in
            let folder = try TemporaryFolder.make()
            defer { try? FileManager.default.removeItem(at: folder) }
            let run = try CommandLineRun.run([
                "smoke", "--base-url", demo.baseURL, "--reports", folder.path,
            ])
            XCTAssertEqual(run.exitCode, 1, run.output)
            let junit = try String(contentsOf: folder.appendingPathComponent("junit.xml"), encoding: .utf8)
            let failure = try XCTUnwrap(junit.firstMatch(of: /<failure type="assertion" message="([^"]*)"/)?.1)
            XCTAssertTrue(
                failure.contains("status") && failure.contains("note: ") && failure.contains("maintenance mode"),
                String(failure))
        }
    }

    /// Two scenarios that meet maintenance mode alike give the same note: the console, report.json and
    /// report.html each list it once for the run (each scenario's own section keeps its note).
    func testTheSameNoteFromTwoScenariosIsListedOnce() async throws {
        try await DemoSiteFixture.with(faults: ["maintenance:deploy-2026"]) { demo in
            let folder = try TemporaryFolder.make()
            defer { try? FileManager.default.removeItem(at: folder) }
            for name in ["first", "second"] {
                try "name: \(name)\nsteps: [{ name: home, method: HEAD, url: /, expect: { status: 200 } }]\n"
                    .write(to: folder.appendingPathComponent("\(name).yaml"), atomically: true, encoding: .utf8)
            }
            let reports = folder.appendingPathComponent("reports")
            let run = try CommandLineRun.run([
                "run", folder.path, "--base-url", demo.baseURL, "--reports", reports.path,
            ])
            XCTAssertEqual(run.exitCode, 1, run.output)
            let note = "The home page answers 503 Service Unavailable (1 of 1 requests)"
            XCTAssertEqual(
                run.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("⚠ \(note)") }.count, 1, run.stdout)

            let json =
                try JSONSerialization.jsonObject(
                    with: Data(contentsOf: reports.appendingPathComponent("report.json"))) as? [String: Any]
            let notes = try XCTUnwrap(json?["notes"] as? [String])
            XCTAssertEqual(notes.count, 1, "\(notes)")
            XCTAssertTrue(notes[0].hasPrefix(note), notes[0])
            let scenarios = try XCTUnwrap(json?["scenarios"] as? [[String: Any]])
            XCTAssertEqual(scenarios.map { ($0["notes"] as? [String])?.count }, [1, 1], "each scenario keeps its own")

            let html = try String(contentsOf: reports.appendingPathComponent("report.html"), encoding: .utf8)
            let runNotes = try XCTUnwrap(html.components(separatedBy: "<h3>Notes</h3>").dropFirst().first)
            let list = runNotes.components(separatedBy: "</ul>")[0]
            XCTAssertEqual(list.components(separatedBy: "<li>").count - 1, 1, list)
        }
    }

    func testTheBypassCookieCarriesEveryScenario() async throws {
        let secret = "deploy-2026"
        try await DemoSiteFixture.with(faults: ["maintenance:\(secret)"]) { demo in
            let baseURL = demo.baseURL
            let bypass = await DedicatedThread.run {
                MaintenanceMode.bypass(baseURL: baseURL, secret: secret, transfer: .init())
            }
            let cookies = try bypass.get().cookies
            XCTAssertEqual(cookies.map(\.name), [MaintenanceMode.cookieName])
            XCTAssertFalse(cookies[0].value.contains(secret))

            var configuration = RunConfiguration(
                baseURL: baseURL, environment: demo.adminEnvironment, initialCookies: cookies, secrets: [secret])
            configuration.transfer = TransferOptions(connectTimeout: 5, totalTimeout: 10)
            for file in ["smoke.yaml", "admin-login.yaml", "warehouse-map.yaml"] {
                let scenario = try ScenarioLoader().load(file: RepositoryPaths.scenario(file))
                let result = await DedicatedThread.run { [configuration] in
                    ScenarioRunner(configuration: configuration).run(scenario)
                }
                XCTAssertTrue(
                    result.passed,
                    "\(file): "
                        + result.failedSteps.map { "\($0.name): \(StepDiagnostics.describe($0))" }.joined(
                            separator: "; "))
            }
        }
    }

    func testAWrongSecretIsAConfigurationError() async throws {
        try await DemoSiteFixture.with(faults: ["maintenance:right-secret"]) { demo in
            let baseURL = demo.baseURL
            let bypass = await DedicatedThread.run {
                MaintenanceMode.bypass(baseURL: baseURL, secret: "wrong-secret", transfer: .init())
            }
            guard case .failure(.noCookie(let message)) = bypass else {
                return XCTFail("expected a refused bypass, got \(bypass)")
            }
            XCTAssertFalse(message.contains("wrong-secret"), "the secret must be masked: \(message)")
            XCTAssertTrue(message.contains("bypass refused") && message.contains("--bypass-secret"), message)
        }
    }

    func testAWrongSecretStillWritesEveryReportAndExitsTwo() async throws {
        try await DemoSiteFixture.with(faults: ["maintenance:right-secret"]) { demo in
            let reports = try TemporaryFolder.make()
            let run = try CommandLineRun.run(
                [
                    "gate", "--base-url", demo.baseURL, "--reports", reports.path, "--bypass-secret", "wrong-secret",
                    "--skip", "production",
                ],
                environment: demo.adminEnvironment)
            XCTAssertEqual(run.exitCode, 2, run.output)
            XCTAssertTrue(run.stderr.contains("error: maintenance bypass refused"), run.stderr)
            XCTAssertTrue(
                run.stdout.contains("✘ FAILED — configuration error\n"),
                "no criterion judged an empty run: \(run.stdout)")
            XCTAssertEqual(
                run.stdout.components(separatedBy: "• configuration: maintenance bypass refused").count, 2,
                "the reason is listed once, not once per scenario: \(run.stdout)")
            XCTAssertFalse(run.output.contains("wrong-secret"), "the secret is masked")
            let junit = reports.appendingPathComponent("junit.xml").path
            XCTAssertTrue(try Validators.xmllint(junit).ok)
            let xml = try String(contentsOfFile: junit, encoding: .utf8)
            XCTAssertEqual(
                xml.components(separatedBy: #"<error type="configuration" message="maintenance bypass refused"#).count
                    - 1,
                6,
                "each scenario of the gate (5 functional, 1 load) says why it did not run")
            for name in ["report.json", "report.html"] {
                let text = try String(contentsOfFile: reports.appendingPathComponent(name).path, encoding: .utf8)
                XCTAssertTrue(text.contains("maintenance bypass refused"), name)
                XCTAssertFalse(text.contains("wrong-secret"), name)
            }
        }
    }

    func testASiteThatIsUpNeedsNoCookie() async throws {
        try await DemoSiteFixture.with { demo in
            let baseURL = demo.baseURL
            let bypass = await DedicatedThread.run {
                MaintenanceMode.bypass(baseURL: baseURL, secret: "unused", transfer: .init())
            }
            XCTAssertEqual(try bypass.get().cookies.count, 0)
        }
    }
}
