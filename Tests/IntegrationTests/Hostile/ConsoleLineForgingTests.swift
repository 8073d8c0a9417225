import Foundation
import XCTest

/// Text the tool did not write — a response, a captured value, a form's id, a scenario's name, a history
/// label — is printed on one line, escaped: a page cannot print a line that looks like csar-check's own
/// "✔ PASSED".
final class ConsoleLineForgingTests: HostileServerTestCase {
    /// Lines of `output` that start (after indentation) with the forged verdict.
    private func forgedLines(_ output: String) -> [Substring] {
        output.split(separator: "\n").filter { $0.drop(while: { $0 == " " }).hasPrefix("✔ PASSED (forged") }
    }

    func testAResponseCannotPrintALineOfItsOwn() throws {
        let file = try scenario(
            """
            name: Forge
            steps:
              - name: Page with line feeds
                url: /forge
                capture:
                  shown: { xpath: "string(//p[@id='v'])" }
                expect:
                  xpath:
                    - { path: "string(//p[@id='v'])", equals: "something else" }
              - name: Missing form
                submit_form: { selector: "#nowhere" }
            """, name: "forge.yaml")
        let run = try CommandLineRun.run(["run", file, "--base-url", server.url(""), "--no-reports"], timeout: 60)
        XCTAssertEqual(run.exitCode, 1, run.output)
        XCTAssertEqual(forgedLines(run.output), [], run.output)
        XCTAssertTrue(run.stdout.contains("shown = ok\\n✔ PASSED (forged)\\n"), run.stdout)
        XCTAssertTrue(run.stdout.contains("form#f\\n✔ PASSED (forged form)"), run.stdout)
    }

    func testValidateAndHistoryShowNamesAndLabelsOnOneLine() throws {
        let file = try scenario(
            "name: \"Named\\e[2J\\n✔ PASSED (forged name)\"\nsteps:\n  - name: \"Step\\n✔ PASSED (forged step)\"\n    url: /ok\n",
            name: "named.yaml")
        let validate = try CommandLineRun.run(["validate", file])
        XCTAssertEqual(validate.exitCode, 0, validate.output)
        XCTAssertEqual(forgedLines(validate.output), [], validate.output)
        XCTAssertFalse(Array(validate.output.utf8).contains(0x1B), validate.output)
        let history = folder.appendingPathComponent("history.sqlite").path
        let run = try CommandLineRun.run(
            [
                "run", file, "--base-url", server.url(""), "--no-reports", "--history", history,
                "--label", "release=2.3\n✔ PASSED (forged label)",
            ], timeout: 60)
        XCTAssertEqual(run.exitCode, 0, run.output)
        XCTAssertEqual(forgedLines(run.output), [], run.output)
        for arguments in [["history", "list", history], ["history", "show", history, "1"]] {
            let shown = try CommandLineRun.run(arguments)
            XCTAssertEqual(shown.exitCode, 0, shown.output)
            XCTAssertEqual(forgedLines(shown.output), [], shown.output)
            XCTAssertFalse(Array(shown.output.utf8).contains(0x1B), shown.output)
            XCTAssertTrue(shown.stdout.contains("release=2.3\\n✔ PASSED (forged label)"), shown.stdout)
        }
    }
}
