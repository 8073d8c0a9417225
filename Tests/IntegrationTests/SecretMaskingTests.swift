import DemoSite
import Foundation
import XCTest

/// The admin password, and the tokens and cookies of the session, never reach any output or report byte.
final class SecretMaskingTests: XCTestCase {
    func testThePasswordNeverAppearsInOutputOrReports() async throws {
        let password = "S3cr&t pa%ss+word"
        var configuration = DemoSiteConfiguration()
        configuration.adminPassword = password
        try await DemoSiteFixture.with(configuration: configuration) { demo in
            let reports = try TemporaryFolder.make()
            // A failing run prints transcripts too: the dashboard text is wrong on purpose.
            let run = try CommandLineRun.run(
                [
                    "run", "Scenarios/admin-login.yaml", "--base-url", demo.baseURL, "--reports", reports.path,
                    "--var", "dashboard_text=Not on the page",
                ],
                environment: ["CSAR_ADMIN_EMAIL": configuration.adminEmail, "CSAR_ADMIN_PASSWORD": password]
            )
            XCTAssertEqual(run.exitCode, 1, run.output)
            var everything = run.stdout + run.stderr
            for file in try FileManager.default.contentsOfDirectory(atPath: reports.path) {
                everything += try String(contentsOfFile: reports.appendingPathComponent(file).path, encoding: .utf8)
            }
            XCTAssertFalse(everything.isEmpty)
            let forms = [
                password, password.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "",
                "S3cr%26t+pa%25ss%2Bword",
            ]
            for form in forms {
                XCTAssertFalse(everything.contains(form), "secret found in output: \(form)")
            }
            XCTAssertNil(
                everything.range(of: "(csar_session|XSRF-TOKEN)=[^•]", options: .regularExpression),
                "cookie values must be masked")
            XCTAssertNil(
                everything.range(of: "_token=[^•&]", options: .regularExpression), "CSRF tokens must be masked")
            XCTAssertNil(
                everything.range(of: #"csrf-token\\?" content=\\?"[^•]"#, options: .regularExpression),
                "the page's csrf-token meta is masked although no step captured it")
            for field in ["_token=••••••&", "password=••••••", "name=\"csrf-token\""] {
                XCTAssertTrue(everything.contains(field), "names stay readable: \(field) is missing")
            }
            XCTAssertTrue(everything.contains("••••••"))
        }
    }

    /// A short password (`admin`) leaves the output readable — `/admin` and "Administration" stay — and is
    /// still hidden where it is sent: the password field, which shows masked.
    func testAShortPasswordNeitherGarblesTheOutputNorShowsWhereItIsSent() async throws {
        var configuration = DemoSiteConfiguration()
        configuration.adminPassword = "admin"
        try await DemoSiteFixture.with(configuration: configuration) { demo in
            let reports = try TemporaryFolder.make()
            defer { try? FileManager.default.removeItem(at: reports) }
            let run = try CommandLineRun.run(
                [
                    "run", "Scenarios/admin-login.yaml", "--base-url", demo.baseURL, "--reports", reports.path,
                    "--var", "dashboard_text=Not on the page",
                ],
                environment: ["CSAR_ADMIN_EMAIL": configuration.adminEmail, "CSAR_ADMIN_PASSWORD": "admin"]
            )
            XCTAssertEqual(run.exitCode, 1, run.output)
            let json = try String(contentsOf: reports.appendingPathComponent("report.json"), encoding: .utf8)
            XCTAssertTrue(json.contains("password=••••••"), "the field the password is sent in shows masked")
            XCTAssertFalse(json.contains("password=admin"), "the short password is masked where it is sent")
            XCTAssertTrue(run.stdout.contains("/admin"), "the dashboard path is shown as it is:\n\(run.stdout)")
            XCTAssertFalse(
                run.stdout.contains("/••••••"), "a short password is not masked in free text:\n\(run.stdout)")
        }
    }
}
