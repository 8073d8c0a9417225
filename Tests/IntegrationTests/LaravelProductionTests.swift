import Foundation
import XCTest

/// Scenarios/production.yaml, run by the built binary against the Laravel stack's hardened TLS server (nginx
/// with certificates from a test CA, php-fpm, Laravel 8): green on the healthy server; each misconfiguration of
/// the real nginx or Laravel turns exactly its testcase red, or raises exactly its warning and stays green; each
/// bad certificate fails the certificate testcase with libcurl's reason, the others not sent.
final class LaravelProductionTests: XCTestCase {
    private struct Outcome {
        let run: CommandLineRun
        let junit: JUnitCases
        let junitText: String
        /// `step name: check title` of each warning that did not hold.
        let warnings: [String]
        let report: [String: Any]
    }

    private func production(_ stack: LaravelStack, _ extra: [String] = []) throws -> Outcome {
        let reports = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(at: reports) }
        let run = try CommandLineRun.run(
            ["run", RepositoryPaths.scenario("production.yaml"), "--reports", reports.path] + stack.httpsArguments
                + extra,
            timeout: 120)
        let data = try Data(contentsOf: reports.appendingPathComponent("report.json"))
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let steps = (report["scenarios"] as? [[String: Any]] ?? []).flatMap { $0["steps"] as? [[String: Any]] ?? [] }
        let warnings = steps.flatMap { step in
            (step["warnings"] as? [[String: Any]] ?? []).filter { $0["passed"] as? Bool == false }.map {
                "\(step["name"] as? String ?? ""): \($0["title"] as? String ?? "")"
            }
        }
        let junitFile = reports.appendingPathComponent("junit.xml")
        return Outcome(
            run: run, junit: try JUnitCases(file: junitFile),
            junitText: try String(contentsOf: junitFile, encoding: .utf8), warnings: warnings, report: report)
    }

    private static func title(_ step: String) -> String { "production › \(step)" }

    static let certificateStep = "TLS certificate valid for the host, TLS 1.2 or newer, not about to expire"

    /// Each misconfiguration of the stack and the one testcase it must turn red.
    static let redFaults: [(fault: String, testcase: String)] = [
        ("debug", "Debug off: an error page shows no stack trace"),
        ("env-public", "Not public: /.env"),
        ("env-production-public", "Not public: /.env.production"),
        ("git-public", "Not public: /.git/config"),
        ("log-public", "Not public: /storage/logs/laravel.log"),
        ("telescope", "Not public: /telescope"),
        ("phpinfo", "Not public: /phpinfo.php"),
        ("composer-public", "Not public: /composer.json"),
        ("storage-listing", "Not public: /storage/"),
        ("no-hsts", "HSTS for at least six months"),
        ("hsts-short", "HSTS for at least six months"),
        ("insecure-cookie", "Session and XSRF cookies Secure, session cookie HttpOnly, SameSite set"),
        ("no-redirect", "Plain HTTP redirects to HTTPS"),
        ("no-frame-options", "Clickjacking protection (X-Frame-Options or CSP frame-ancestors)"),
        ("no-nosniff", "X-Content-Type-Options nosniff"),
        ("no-referrer-policy", "Referrer-Policy set"),
    ]

    /// Each misconfiguration that is a warning: the run passes and says it, at this step.
    static let warningFaults: [(fault: String, warning: String)] = [
        (
            "hsts-no-subdomains",
            "HSTS for at least six months: header Strict-Transport-Security matches /(?i)includeSubDomains/"
        ),
        ("no-csp", "Content-Security-Policy (reported): header Content-Security-Policy exists"),
        ("server-version", "Versions not disclosed (reported): header Server each does not match /\\d/"),
        ("powered-by", "Versions not disclosed (reported): header X-Powered-By each does not match /(?i)php//"),
    ]

    func testTheHardenedServerPassesWithTheCertificateShownInDays() throws {
        let stack = try LaravelStack.healthy()
        let outcome = try production(stack)
        XCTAssertEqual(outcome.run.exitCode, 0, outcome.run.output)
        XCTAssertEqual(outcome.junit.red.map(\.title), [], outcome.run.output)
        XCTAssertEqual(outcome.warnings, [], outcome.run.output)
        // 11 checks and the 12 private paths, one testcase each.
        XCTAssertEqual(outcome.junit.passed.count, 23, outcome.run.output)
        XCTAssertTrue(outcome.run.stdout.contains("issued by CN=CSAR test CA"), outcome.run.stdout)
        let line = #"expires \d{4}-\d\d-\d\d \((8[89]|90) days left\), TLSv1\.[23], verified"#
        XCTAssertNotNil(outcome.run.stdout.range(of: line, options: .regularExpression), outcome.run.stdout)
        let steps = (outcome.report["scenarios"] as? [[String: Any]])?.first?["steps"] as? [[String: Any]] ?? []
        let certificate = try XCTUnwrap(steps.first?["certificate"] as? [String: Any])
        XCTAssertEqual(certificate["subject"] as? String, "CN=localhost")
        XCTAssertEqual(certificate["verified"] as? Bool, true)
        XCTAssertTrue((88...90).contains(certificate["daysLeft"] as? Int ?? 0), "\(certificate)")
        XCTAssertTrue(outcome.junitText.contains("days left"), "the JUnit report carries the certificate line")
    }

    func testEachMisconfigurationTurnsExactlyItsTestcaseRed() throws {
        let stack = try LaravelStack.healthy()
        defer { try? stack.reset() }
        for (fault, testcase) in Self.redFaults {
            try stack.reset()
            try stack.hardeningFault(fault)
            let outcome = try production(stack)
            XCTAssertEqual(outcome.run.exitCode, 1, "\(fault): \(outcome.run.output)")
            XCTAssertEqual(outcome.junit.red.map(\.title), [Self.title(testcase)], "\(fault): \(outcome.run.output)")
            print("misconfiguration \(fault): red testcase \(outcome.junit.red.map(\.title))")
        }
    }

    func testEachWarningIsReportedAndTheRunStaysGreen() throws {
        let stack = try LaravelStack.healthy()
        defer { try? stack.reset() }
        for (fault, warning) in Self.warningFaults {
            try stack.reset()
            try stack.hardeningFault(fault)
            let outcome = try production(stack)
            XCTAssertEqual(outcome.run.exitCode, 0, "\(fault): \(outcome.run.output)")
            XCTAssertEqual(outcome.junit.red.map(\.title), [], "\(fault): \(outcome.run.output)")
            XCTAssertEqual(outcome.warnings, [warning], "\(fault)")
            XCTAssertTrue(outcome.run.stdout.contains("⚠ warning:"), outcome.run.stdout)
        }
    }

    /// A certificate expiring in 3 days still verifies: only the certificate testcase is red (3 < 7), with the
    /// 30-day warning; the other checks run.
    func testACertificateExpiringInThreeDaysFailsItsTestcaseOnly() throws {
        let stack = try LaravelStack.healthy()
        defer { try? stack.reset() }
        try stack.serveCertificate("expiring")
        let outcome = try production(stack)
        XCTAssertEqual(outcome.run.exitCode, 1, outcome.run.output)
        XCTAssertEqual(outcome.junit.red.map(\.title), [Self.title(Self.certificateStep)], outcome.run.output)
        XCTAssertTrue(
            outcome.run.stdout.contains("(2 days left)") || outcome.run.stdout.contains("(3 days left)"),
            outcome.run.stdout)
        XCTAssertEqual(outcome.warnings.count, 1, "\(outcome.warnings)")
        // A shorter error threshold and warning window accept it.
        let relaxed = try production(stack, ["--var", "cert_error_days=1", "--var", "cert_warning_days=2"])
        XCTAssertEqual(relaxed.run.exitCode, 0, relaxed.run.output)
    }

    /// A certificate that does not verify fails the certificate testcase with libcurl's reason and the run sends
    /// that server nothing more: exit 1 (a check failed), not 3 (the server answered the handshake).
    func testACertificateThatDoesNotVerifyFailsItsTestcaseAndStopsTheRun() throws {
        let stack = try LaravelStack.healthy()
        defer { try? stack.reset() }
        let reasons = [
            "wrong-host": "no alternative certificate subject name matches", "self-signed": "self-signed certificate",
            "expired": "certificate has expired",
        ]
        for (certificate, reason) in reasons {
            try stack.serveCertificate(certificate)
            let outcome = try production(stack)
            XCTAssertEqual(outcome.run.exitCode, 1, "\(certificate): \(outcome.run.output)")
            XCTAssertEqual(outcome.junit.red.map(\.title), [Self.title(Self.certificateStep)], certificate)
            XCTAssertTrue(outcome.run.stdout.contains("not verified: "), outcome.run.stdout)
            XCTAssertTrue(outcome.run.stdout.contains(reason), "\(certificate): \(outcome.run.stdout)")
            XCTAssertEqual(outcome.junit.passed, [], "\(certificate): nothing else is sent")
            XCTAssertTrue(outcome.run.stdout.contains("not sent: the certificate of \(stack.httpsURL) does not verify"))
        }
        // --insecure reads the same certificate without trusting it: still red, and the run goes on.
        let insecure = try production(stack, ["--insecure"])
        XCTAssertEqual(insecure.junit.red.map(\.title), [Self.title(Self.certificateStep)], insecure.run.output)
        XCTAssertTrue(insecure.run.stdout.contains("not verified (--insecure)"), insecure.run.stdout)
    }

    /// The documented exit codes of the production checks: 2 for a misspelt variable (nothing sent), 3 when
    /// nothing answers at the HTTPS URL, and over plain HTTP a failed certificate check (1) whose request never
    /// left says nothing of reachability.
    func testTheProductionChecksExitWithTheDocumentedCodes() throws {
        let stack = try LaravelStack.healthy()
        let misspelt = try production(stack, ["--var", "cert_eror_days=3"])
        XCTAssertEqual(misspelt.run.exitCode, 2, misspelt.run.output)
        XCTAssertTrue(misspelt.run.stderr.contains("did you mean 'cert_error_days'"), misspelt.run.stderr)
        let closed = "https://localhost:\(try ClosedPort.find())"
        let unreachable = try CommandLineRun.run(
            ["run", RepositoryPaths.scenario("production.yaml"), "--base-url", closed, "--no-reports"], timeout: 60)
        XCTAssertEqual(unreachable.exitCode, 3, unreachable.output)
        XCTAssertTrue(unreachable.stderr.contains("error: target unreachable: \(closed)"), unreachable.stderr)
        let plain = try CommandLineRun.run(
            [
                "run", RepositoryPaths.scenario("production.yaml"), "--base-url", stack.baseURL, "--var",
                "http_base_url=\(stack.httpRedirectURL)", "--no-reports",
            ], timeout: 60)
        XCTAssertEqual(plain.exitCode, 1, plain.output)
        XCTAssertTrue(plain.stdout.contains("not an https:// URL"), plain.stdout)
        XCTAssertTrue(plain.stdout.contains("--skip production"), "the hint names the way out: \(plain.stdout)")
    }

    /// A pipeline names the private CA and the plain-HTTP origin once, in the file it gives `--env-file`
    /// (`CSAR_CACERT`, `CSAR_HTTP_BASE_URL`): green without `--cacert` or `--var`; a CA file that is not there is
    /// a usage error naming the variable, before anything is sent.
    func testTheCAAndThePlainHTTPOriginComeFromTheEnvFile() throws {
        let stack = try LaravelStack.healthy()
        let folder = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        let envFile = folder.appendingPathComponent(".env.production")
        try ("APP_URL=\(stack.httpsURL)\n" + stack.tlsSettingsForEnvFile).write(
            to: envFile, atomically: true, encoding: .utf8)
        let run = try CommandLineRun.run(
            ["run", RepositoryPaths.scenario("production.yaml"), "--env-file", envFile.path, "--no-reports"],
            timeout: 120)
        XCTAssertEqual(run.exitCode, 0, run.output)
        XCTAssertTrue(run.stdout.contains("✔ Plain HTTP redirects to HTTPS"), run.stdout)
        try "APP_URL=\(stack.httpsURL)\nCSAR_CACERT=/nonexistent/ca.pem\n".write(
            to: envFile, atomically: true, encoding: .utf8)
        let missing = try CommandLineRun.run(
            ["run", RepositoryPaths.scenario("production.yaml"), "--env-file", envFile.path, "--no-reports"],
            timeout: 60)
        XCTAssertEqual(missing.exitCode, 2, missing.output)
        XCTAssertTrue(missing.stderr.contains("CSAR_CACERT=/nonexistent/ca.pem: no such file"), missing.stderr)
        let vars = try CommandLineRun.run(["vars", RepositoryPaths.scenario("production.yaml")])
        XCTAssertTrue(vars.stdout.contains("from $CSAR_HTTP_BASE_URL, else http://{{ base_host }}"), vars.stdout)
    }

    /// A site shaped unlike Laravel — static files on nginx, no PHP, no cookies — passes: the Laravel paths are
    /// simply not there, and a page that sets no session cookie has none to get wrong. (It has no plain-HTTP
    /// server of its own: its redirect check is left out by tag, as a site whose port 80 is another team's.)
    func testAStaticSiteOnNginxPasses() throws {
        let stack = try LaravelStack.healthy()
        let reports = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(at: reports) }
        let run = try CommandLineRun.run(
            [
                "run", RepositoryPaths.scenario("production.yaml"), "--base-url", stack.staticHTTPSURL, "--cacert",
                stack.certificateAuthority, "--skip", "https-redirect", "--reports", reports.path,
            ],
            timeout: 120)
        let junit = try JUnitCases(file: reports.appendingPathComponent("junit.xml"))
        XCTAssertEqual(run.exitCode, 0, run.output)
        XCTAssertEqual(junit.red.map(\.title), [], run.output)
        XCTAssertEqual(junit.skipped.map(\.title), [Self.title("Plain HTTP redirects to HTTPS")])
    }

    /// The whole gate on the hardened server, production checks first: the certificate line and every
    /// production testcase green before the functional suites run.
    func testTheGateRunsTheProductionChecksFirst() throws {
        let stack = try LaravelStack.healthy()
        let reports = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(at: reports) }
        let run = try CommandLineRun.run(
            ["gate", "--no-load", "--reports", reports.path] + stack.httpsArguments,
            environment: stack.adminEnvironment,
            timeout: 180)
        XCTAssertEqual(run.exitCode, 0, run.output)
        let junit = try JUnitCases(file: reports.appendingPathComponent("junit.xml"))
        XCTAssertEqual(junit.cases.first?.title, Self.title(Self.certificateStep))
        XCTAssertEqual(junit.cases.filter { $0.classname == "production" }.count, 23)
    }
}
