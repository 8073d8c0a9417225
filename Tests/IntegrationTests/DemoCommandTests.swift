import CSARCheck
import DemoSite
import Foundation
import XCTest

/// `csar-check demo` runs the production checks for real: over HTTPS with a certificate from a CA made for the
/// run (trusted through a temporary --cacert file, never --insecure), a plain-HTTP port that redirects, and a
/// hardened demo site.
final class DemoCommandTests: XCTestCase {
    func testDemoPassesTheProductionChecksOverHTTPS() throws {
        let reports = try TemporaryFolder.make()
        let run = try CommandLineRun.run(["demo", "--reports", reports.path], timeout: 180)
        XCTAssertEqual(run.exitCode, 0, run.output)
        let production = try XCTUnwrap(
            run.stdout.components(separatedBy: "▶ ").first { $0.hasPrefix("Production readiness") }, run.stdout)
        XCTAssertFalse(production.contains("✘"), production)
        XCTAssertNotNil(
            production.range(
                of: #"CN=localhost,O=csar-check, issued by CN=csar-check demo CA,O=csar-check, expires "#
                    + #"\d{4}-\d\d-\d\d \((89|90) days left\), TLSv1\.[23], verified for https://localhost:\d+"#,
                options: .regularExpression), production)
        XCTAssertNotNil(production.range(of: #"✔ Plain HTTP redirects to HTTPS +301"#, options: .regularExpression))
        XCTAssertTrue(run.stdout.contains("✔ PASSED"), run.stdout)
        // The CA file is named on the console and gone once the demo ends.
        let caFile = try XCTUnwrap(
            run.stdout.firstMatch(of: /--cacert (\S+\.pem)/).map { String($0.1) }, run.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: caFile), caFile)

        let data = try Data(contentsOf: reports.appendingPathComponent("report.json"))
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertTrue(try XCTUnwrap(report["target"] as? String).hasPrefix("https://localhost:"))
        let scenarios = try XCTUnwrap(report["scenarios"] as? [[String: Any]])
        XCTAssertEqual(scenarios.first?["name"] as? String, "Production readiness")
        let steps = try XCTUnwrap(scenarios.first?["steps"] as? [[String: Any]])
        XCTAssertTrue(steps.allSatisfy { $0["outcome"] as? String == "passed" }, "\(steps.map { $0["outcome"] })")
        let certificate = try XCTUnwrap(steps.first?["certificate"] as? [String: Any])
        XCTAssertEqual(certificate["verified"] as? Bool, true)
        XCTAssertTrue((88...90).contains(try XCTUnwrap(certificate["daysLeft"] as? Int)), "\(certificate)")
        XCTAssertEqual(certificate["alternativeNames"] as? [String], ["localhost", "127.0.0.1"])
        let privatePaths = steps.compactMap { $0["name"] as? String }.filter { $0.hasPrefix("Not public: ") }
        XCTAssertEqual(privatePaths.count, 12, "\(privatePaths)")
    }

    /// The site itself, in process: over HTTPS it sends HSTS and Secure cookies and its plain-HTTP port
    /// redirects every path; over plain HTTP (what the other tests use) the headers are there, HSTS and
    /// Secure are not.
    func testDemoSiteOverHTTPSAndOverPlainHTTP() async throws {
        let authority = try DemoCertificateAuthority.make()
        let caFile = try TemporaryFolder.make().appendingPathComponent("ca.pem")
        try authority.caCertificatePEM.write(to: caFile, atomically: true, encoding: .utf8)
        let https = try await DemoSite.start(DemoSiteConfiguration(tls: authority.serverTLS))
        let plain: RunningDemoSite
        do { plain = try await DemoSite.start() } catch {
            await https.stop()
            throw error
        }
        do {
            try await checkHeaders(https: https, plain: plain, caFile: caFile)
            await https.stop()
            await plain.stop()
        } catch {
            await https.stop()
            await plain.stop()
            throw error
        }
    }

    private func checkHeaders(https: RunningDemoSite, plain: RunningDemoSite, caFile: URL) async throws {
        let redirectBase = try XCTUnwrap(https.plainHTTPBaseURL)
        XCTAssertTrue(https.baseURL.hasPrefix("https://localhost:"), https.baseURL)
        XCTAssertNil(plain.plainHTTPBaseURL)

        let urls = [https.baseURL + "/", plain.baseURL + "/", redirectBase + "/login?next=1"]
        let responses = try await DedicatedThread.run { () -> Result<[HTTPResponse], TransportError> in
            let client = HTTPClient(options: TransferOptions(caCertificatePath: caFile.path))
            return Result { () throws(TransportError) in
                try urls.map { url throws(TransportError) in try client.send(HTTPRequest(url: url)) }
            }
        }.get()
        let (secure, insecure, redirect) = (responses[0], responses[1], responses[2])
        XCTAssertEqual(secure.header("Strict-Transport-Security"), "max-age=31536000; includeSubDomains")
        XCTAssertNil(insecure.header("Strict-Transport-Security"))
        for response in [secure, insecure] {
            XCTAssertEqual(response.status, 200)
            XCTAssertEqual(response.header("X-Frame-Options"), "SAMEORIGIN")
            XCTAssertEqual(response.header("X-Content-Type-Options"), "nosniff")
            XCTAssertEqual(response.header("Referrer-Policy"), "strict-origin-when-cross-origin")
            XCTAssertTrue(response.header("Content-Security-Policy")?.contains("frame-ancestors 'self'") == true)
            XCTAssertNil(response.header("X-Powered-By"))
        }
        let secureCookies = secure.headerValues("Set-Cookie")
        XCTAssertEqual(secureCookies.count, 2)
        XCTAssertTrue(
            secureCookies.allSatisfy { $0.contains("; secure") && $0.contains("samesite=lax") }, "\(secureCookies)")
        XCTAssertTrue(insecure.headerValues("Set-Cookie").allSatisfy { !$0.contains("secure") })
        XCTAssertEqual(redirect.status, 301)
        XCTAssertEqual(redirect.header("Location"), https.baseURL + "/login?next=1")
    }
}
