import Foundation
import XCTest

/// The binary as CI and QA use it: exit codes, messages, reports.
final class CommandLineTests: XCTestCase {
    func testSmokeOnAHealthySiteExitsZeroAndWritesValidJUnit() async throws {
        try await DemoSiteFixture.with { demo in
            let reports = try TemporaryFolder.make()
            let run = try CommandLineRun.run(["smoke", "--base-url", demo.baseURL, "--reports", reports.path])
            XCTAssertEqual(run.exitCode, 0, run.output)
            XCTAssertTrue(run.stdout.contains("✔ Home page answers (curl -I /)"), run.stdout)
            XCTAssertFalse(run.output.contains("\u{1B}["), "no colour without a TTY")
            let junit = reports.appendingPathComponent("junit.xml").path
            let lint = try Validators.xmllint(junit)
            XCTAssertTrue(lint.ok, lint.output)
            let xml = try String(contentsOfFile: junit, encoding: .utf8)
            XCTAssertTrue(xml.contains("<testsuite name=\"Smoke\""))
            XCTAssertEqual(xml.components(separatedBy: "<testcase ").count - 1, 3)
        }
    }

    func testSmokeAgainstA500ExitsOneAndNamesTheCheck() async throws {
        try await DemoSiteFixture.with(faults: ["500:/api/warehouses"]) { demo in
            let reports = try TemporaryFolder.make()
            let run = try CommandLineRun.run(["smoke", "--base-url", demo.baseURL, "--reports", reports.path])
            XCTAssertEqual(run.exitCode, 1, run.output)
            XCTAssertTrue(run.stdout.contains("✘ Warehouse API answers JSON"), run.stdout)
            XCTAssertTrue(run.stdout.contains("actual   status 500"), run.stdout)
            XCTAssertTrue(run.stdout.contains("smoke.yaml:"), run.stdout)
            let xml = try String(contentsOfFile: reports.appendingPathComponent("junit.xml").path, encoding: .utf8)
            XCTAssertTrue(xml.contains("<failure type=\"assertion\""), xml)
            XCTAssertTrue(try Validators.xmllint(reports.appendingPathComponent("junit.xml").path).ok)
        }
    }

    func testABadScenarioFileExitsTwoWithFileLineAndKey() throws {
        let folder = try TemporaryFolder.make()
        let file = folder.appendingPathComponent("typo.yaml")
        try "name: Typo\nsteps:\n  - url: /\n    expect:\n      staus: 200\n".write(
            to: file, atomically: true, encoding: .utf8)
        let run = try CommandLineRun.run(["run", file.path, "--base-url", "http://127.0.0.1:9"])
        XCTAssertEqual(run.exitCode, 2, run.output)
        XCTAssertTrue(
            run.stderr.contains(
                "typo.yaml:5:7: error: steps[0].expect.staus: unknown key 'staus' (did you mean 'status'?)"), run.stderr
        )
        let validate = try CommandLineRun.run(["validate", file.path])
        XCTAssertEqual(validate.exitCode, 2)
    }

    func testValidateAcceptsTheShippedScenarios() throws {
        let run = try CommandLineRun.run(["validate", "Scenarios"])
        XCTAssertEqual(run.exitCode, 0, run.output)
        XCTAssertTrue(run.stdout.contains("admin-login.yaml"), run.stdout)
    }

    func testAnUnreachableTargetExitsThreeWithURLAndPhase() throws {
        let run = try CommandLineRun.run([
            "smoke", "--base-url", "http://127.0.0.1:1", "--no-reports", "--connect-timeout", "2",
        ])
        XCTAssertEqual(run.exitCode, 3, run.output)
        XCTAssertTrue(run.stderr.contains("target unreachable: http://127.0.0.1:1/: failed during connect"), run.stderr)
    }

    func testGateWithoutATargetIsAnErrorNotTheDemoSite() throws {
        let run = try CommandLineRun.run(["gate", "--no-reports"])
        XCTAssertEqual(run.exitCode, 2, run.output)
        XCTAssertTrue(run.stderr.contains("no target"), run.stderr)
    }

    func testUsageErrorsExitTwo() throws {
        let run = try CommandLineRun.run(["smoke", "--no-such-flag"])
        XCTAssertEqual(run.exitCode, 2, run.output)
    }

    func testEnvFileProvidesTheBaseURL() async throws {
        try await DemoSiteFixture.with { demo in
            let folder = try TemporaryFolder.make()
            let envFile = folder.appendingPathComponent(".env.production")
            try "APP_NAME=\"CSAR\"\nAPP_URL=\(demo.baseURL)   # set by the deployment\n".write(
                to: envFile, atomically: true, encoding: .utf8)
            let run = try CommandLineRun.run(["smoke", "--env-file", envFile.path, "--no-reports"])
            XCTAssertEqual(run.exitCode, 0, run.output)
            XCTAssertTrue(run.stdout.contains(demo.baseURL), run.stdout)
        }
    }

    func testGateBehindMaintenanceModeNeedsTheBypassSecret() async throws {
        try await DemoSiteFixture.with(faults: ["maintenance:deploy-7f3a"]) { demo in
            let environment = demo.adminEnvironment
            let without = try CommandLineRun.run(
                ["gate", "--base-url", demo.baseURL, "--no-reports", "--skip", "production"], environment: environment)
            XCTAssertEqual(without.exitCode, 1, without.output)
            XCTAssertTrue(without.stdout.contains("most likely in maintenance mode"), without.stdout)
            let with = try CommandLineRun.run(
                [
                    "gate", "--base-url", demo.baseURL, "--no-reports", "--bypass-secret", "deploy-7f3a", "--skip",
                    "production",
                ],
                environment: environment
            )
            XCTAssertEqual(with.exitCode, 0, with.output)
            XCTAssertTrue(with.stdout.contains("Maintenance mode bypassed"), with.stdout)
            XCTAssertTrue(with.stdout.contains("✔ PASSED"), with.stdout)
            XCTAssertFalse(with.output.contains("deploy-7f3a"), "the bypass secret must be masked")
        }
    }

    /// `--suite` is repeatable: each suite or file runs, in order (one alone used to win silently).
    func testSuitesRepeatAndDurationsTakeUnits() async throws {
        try await DemoSiteFixture.with { demo in
            let folder = try TemporaryFolder.make()
            defer { try? FileManager.default.removeItem(at: folder) }
            let run = try CommandLineRun.run(
                [
                    "gate", "--base-url", demo.baseURL, "--suite", "smoke.yaml", "--suite", "warehouse-map.yaml",
                    "--no-load",
                    "--timeout", "2s", "--connect-timeout", "500ms", "--reports", folder.path,
                ])
            XCTAssertEqual(run.exitCode, 0, run.output)
            let junit = try JUnitCases(file: folder.appendingPathComponent("junit.xml"))
            XCTAssertEqual(Set(junit.cases.map(\.classname)), ["smoke", "warehouse-map", "criteria"], "\(junit.cases)")
        }
    }

    /// Everything the selected files need is checked before the first request: a folder whose load would run
    /// for a minute, beside a file that needs an unset variable, sends nothing and lists what is missing.
    func testMissingValuesAreFoundBeforeAnythingIsSent() throws {
        let server = try HostileServer.start()
        defer { server.stop() }
        let folder = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "name: A long load\nload: { url: /ok, rate: 20, duration: 60s }\n".write(
            to: folder.appendingPathComponent("a-load.yaml"), atomically: true, encoding: .utf8)
        try """
        name: Needs two values
        variables:
          password: { env: CSAR_TEST_UNSET_PASSWORD, secret: true }
        steps:
          - url: /ok
            headers: { X-Password: "{{ password }}", X-Key: "{{ env.CSAR_TEST_UNSET_KEY }}" }
        """.write(to: folder.appendingPathComponent("b-needs.yaml"), atomically: true, encoding: .utf8)
        let started = Date()
        let run = try CommandLineRun.run(
            ["run", folder.path, "--base-url", server.baseURL, "--reports", folder.appendingPathComponent("r").path])
        XCTAssertEqual(run.exitCode, 2, run.output)
        XCTAssertLessThan(Date().timeIntervalSince(started), 20, "nothing ran before the error")
        XCTAssertTrue(
            run.stderr.contains("CSAR_TEST_UNSET_PASSWORD") && run.stderr.contains("CSAR_TEST_UNSET_KEY"), run.stderr)
        XCTAssertEqual(try server.receivedRequests().map(\.line), [], "nothing was sent")
        let junit = try JUnitCases(file: folder.appendingPathComponent("r/junit.xml"))
        XCTAssertEqual(junit.red.map(\.title), ["a-load › setup", "b-needs › setup"], "\(junit.cases)")
    }
}
