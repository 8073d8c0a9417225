import Foundation
import XCTest

/// The shipped smoke and admin-login scenarios on a real Django site (Tests/DjangoSite: Django's own admin,
/// served on loopback by Tests/DjangoSite/serve.py), changed by `--var` only — the command lines of
/// docs/other-frameworks.md.
final class DjangoSiteTests: XCTestCase {
    static let smokeVariables = [
        "--var", "dashboard_path=/admin/", "--var", "login_path=/admin/login/", "--var", "api_path=/api/entrepots/",
    ]
    static let loginVariables = [
        "--var", "login_path=/admin/login/", "--var", "dashboard_path=/admin/", "--var", "email_field=username",
        "--var", "dashboard_text=Site administration",
        "--var", "login_error_text=Please enter the correct username and password",
    ]

    func testSmokeAndAdminLoginPassOnDjangoWithVariablesOnly() throws {
        let site = try DjangoSite.start()
        defer { site.stop() }
        let smoke = try CommandLineRun.run(["smoke", "--base-url", site.baseURL, "--no-reports"] + Self.smokeVariables)
        XCTAssertEqual(smoke.exitCode, 0, smoke.output)
        XCTAssertTrue(smoke.stdout.contains("✔ PASSED"), smoke.stdout)

        let reports = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(at: reports) }
        let login = try CommandLineRun.run(
            ["run", "Scenarios/admin-login.yaml", "--base-url", site.baseURL, "--reports", reports.path]
                + Self.loginVariables,
            environment: site.adminEnvironment
        )
        XCTAssertEqual(login.exitCode, 0, login.output)
        let junit = try JUnitCases(file: reports.appendingPathComponent("junit.xml"))
        XCTAssertEqual(junit.passed.count, 5, "\(junit.cases)")
        XCTAssertFalse(login.output.contains(site.adminPassword), "the password must be masked")
    }

    /// Real behaviour, not a stub: with a wrong password Django shows the form again, and the login step is red.
    func testAdminLoginGoesRedOnDjangoWithAWrongPassword() throws {
        let site = try DjangoSite.start()
        defer { site.stop() }
        let reports = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(at: reports) }
        var environment = site.adminEnvironment
        environment["CSAR_ADMIN_PASSWORD"] = "not-\(site.adminPassword)"
        let login = try CommandLineRun.run(
            ["run", "Scenarios/admin-login.yaml", "--base-url", site.baseURL, "--reports", reports.path]
                + Self.loginVariables,
            environment: environment
        )
        XCTAssertEqual(login.exitCode, 1, login.output)
        let junit = try JUnitCases(file: reports.appendingPathComponent("junit.xml"))
        XCTAssertEqual(junit.red.first?.title, "admin-login › Right credentials log in", "\(junit.cases)")
    }

    /// The whole gate on Django from an empty folder, with `--var`, `--skip laravel` and the environment only.
    func testTheWholeGatePassesOnDjangoAndEachFaultTurnsItRed() throws {
        try SiteGateChecks.django(.built)
    }

    /// A site that does not come up fails the test whenever Django is there to start it, and in CI: only a
    /// machine without Django, outside CI, skips the Django tests.
    /// production.yaml's checks that plain HTTP allows (debug pages, private paths) on a site shaped unlike
    /// Laravel: green with DEBUG = False; with DEBUG = True, Django's debug 404 (which lists the site's URL
    /// patterns) turns exactly its testcase red. (Its CSRF failure page under DEBUG explains the failure but
    /// shows no stack trace, so the error-page testcase stays green.)
    func testTheProductionDebugChecksFindDjangosDebugPages() throws {
        for debug in [false, true] {
            let site = try DjangoSite.start(debug: debug)
            defer { site.stop() }
            let reports = try TemporaryFolder.make()
            defer { try? FileManager.default.removeItem(at: reports) }
            let run = try CommandLineRun.run(
                [
                    "run", RepositoryPaths.scenario("production.yaml"), "--base-url", site.baseURL, "--skip",
                    "tls,https-redirect,hsts,cookies,headers", "--var", "error_path=/admin/login/", "--reports",
                    reports.path,
                ], timeout: 120)
            let junit = try JUnitCases(file: reports.appendingPathComponent("junit.xml"))
            XCTAssertEqual(run.exitCode, debug ? 1 : 0, run.output)
            XCTAssertEqual(
                junit.red.map(\.name), debug ? ["Debug off: a page that does not exist shows no debug page"] : [],
                run.output)
            if debug { XCTAssertTrue(run.stdout.contains("Page not found at /csar-check-missing-"), run.stdout) }
            XCTAssertEqual(junit.passed.filter { $0.name.hasPrefix("Not public: ") }.count, 12, run.output)
        }
    }

    func testASiteThatNeverStartsFailsTheTestInsteadOfSkippingIt() throws {
        let folder = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        let silent = folder.appendingPathComponent("silent.py")
        try "import sys\nsys.stdin.read()\n".write(to: silent, atomically: true, encoding: .utf8)
        do {
            let site = try DjangoSite.start(script: silent.path, wait: 2)
            site.stop()
            XCTFail("a server that prints no URL was taken for a started site")
        } catch let skip as XCTSkip {
            XCTAssertFalse(DjangoSite.djangoInstalled, "skipped although Django is installed: \(skip)")
            XCTAssertNil(ProcessInfo.processInfo.environment["CI"], "skipped in CI: \(skip)")
        } catch {
            XCTAssertTrue("\(error)".contains("did not start: it printed nothing within 2 s"), "\(error)")
        }
    }
}
