import Foundation
import XCTest

/// `--var` names the run's files neither declare nor read are refused before anything is sent.
final class CommandLineVariableTests: XCTestCase {
    func testAnUnknownVarNameExitsTwoWithASuggestionAndSendsNothing() throws {
        // Port 9 (discard) answers nothing: had a request been sent, the run would exit 3, not 2.
        let run = try CommandLineRun.run([
            "run", "Scenarios/admin-login.yaml", "--base-url", "http://127.0.0.1:9", "--no-reports",
            "--var", "login_pth=/admin/login/", "--var", "dashboard_path=/admin/",
        ])
        XCTAssertEqual(run.exitCode, 2, run.output)
        XCTAssertTrue(
            run.stderr.contains(
                "error: --var login_pth=…: no scenario of this run declares or uses a variable named 'login_pth' "
                    + "(did you mean 'login_path'?)"), run.stderr)
        XCTAssertFalse(run.stderr.contains("dashboard_path=…"), "a declared name is accepted")
        XCTAssertFalse(run.stdout.contains("▶"), "no scenario started: \(run.stdout)")
        let validate = try CommandLineRun.run(["validate", "Scenarios", "--var", "login_pth=/x"])
        XCTAssertEqual(validate.exitCode, 2, validate.output)
    }

    func testANameOnlyReadAsAPlaceholderIsKnown() throws {
        let folder = try TemporaryFolder.make()
        let file = folder.appendingPathComponent("page.yaml")
        try "steps:\n  - url: \"/{{ page }}\"\n".write(to: file, atomically: true, encoding: .utf8)
        let known = try CommandLineRun.run(["validate", file.path, "--var", "page=carte"])
        XCTAssertEqual(known.exitCode, 0, known.output)
        let builtIn = try CommandLineRun.run(["validate", file.path, "--var", "page=carte", "--var", "run_id=nightly"])
        XCTAssertEqual(builtIn.exitCode, 0, "built-in variables may be overridden: \(builtIn.output)")
    }
}
