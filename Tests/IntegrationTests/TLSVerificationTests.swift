import Foundation
import XCTest

/// TLS is verified by default, for scenario runs and load runs alike; `--cacert` trusts a private CA and
/// `--insecure` turns verification off (self-signed staging).
final class TLSVerificationTests: XCTestCase {
    private var server: LocalTLSServer!

    override func setUpWithError() throws {
        server = try LocalTLSServer.start()
    }

    override func tearDown() {
        server?.stop()
    }

    func testALoadRunRefusesAnUntrustedCertificate() throws {
        let run = try CommandLineRun.run(["load", server.baseURL + "/", "-n", "3", "--no-reports"], timeout: 30)
        XCTAssertEqual(run.exitCode, 3, run.output)
        XCTAssertTrue(run.output.contains("certificate"), run.output)
        XCTAssertTrue(run.stdout.contains("TLS handshake: 3"), "every request failed in the TLS phase:\n\(run.stdout)")
    }

    /// What to do next is said with the failure: `--cacert` for a certificate nobody here trusts, `http://` for a
    /// port that does not speak TLS.
    func testAnUntrustedCertificateAndAPlainHTTPPortSayWhatToDo() async throws {
        let untrusted = try CommandLineRun.run(
            [
                "smoke", "--scenarios", RepositoryPaths.root.appendingPathComponent("Scenarios").path, "--base-url",
                server.baseURL, "--no-reports",
            ],
            timeout: 30)
        XCTAssertEqual(untrusted.exitCode, 3, untrusted.output)
        XCTAssertTrue(untrusted.output.contains("pass --cacert FILE with that CA's certificate"), untrusted.output)
        try await DemoSiteFixture.with { demo in
            let plain = try CommandLineRun.run(
                [
                    "smoke", "--scenarios", RepositoryPaths.root.appendingPathComponent("Scenarios").path,
                    "--base-url", demo.baseURL.replacingOccurrences(of: "http://", with: "https://"), "--no-reports",
                ], timeout: 30)
            XCTAssertEqual(plain.exitCode, 3, plain.output)
            XCTAssertTrue(
                plain.output.contains("the server does not speak TLS on this port: use http://"), plain.output)
        }
    }

    func testALoadRunTrustsTheGivenCA() throws {
        for keepAlive in [[], ["-k"]] {
            let run = try CommandLineRun.run(
                [
                    "load", server.baseURL + "/", "-n", "20", "-c", "4", "--cacert", server.certificatePath,
                    "--no-reports",
                ]
                    + keepAlive, timeout: 30)
            XCTAssertEqual(run.exitCode, 0, run.output)
            XCTAssertTrue(run.stdout.contains("Complete requests:      20"), run.stdout)
            XCTAssertTrue(run.stdout.contains("  200                   20"), run.stdout)
        }
    }

    func testInsecureSkipsVerification() throws {
        let run = try CommandLineRun.run(
            ["load", server.baseURL + "/", "-n", "5", "--insecure", "--no-reports"], timeout: 30)
        XCTAssertEqual(run.exitCode, 0, run.output)
        XCTAssertTrue(run.stdout.contains("Complete requests:      5"), run.stdout)
    }

    func testAScenarioRunVerifiesAndTrustsTheGivenCA() throws {
        let folder = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = folder.appendingPathComponent("home.yaml")
        try """
        name: Home over TLS
        steps:
          - name: Home page
            url: /
            expect:
              status: 200
        """.write(to: scenario, atomically: true, encoding: .utf8)
        let refused = try CommandLineRun.run(
            ["run", scenario.path, "--base-url", server.baseURL, "--no-reports"], timeout: 30)
        XCTAssertEqual(refused.exitCode, 3, refused.output)
        let trusted = try CommandLineRun.run(
            ["run", scenario.path, "--base-url", server.baseURL, "--cacert", server.certificatePath, "--no-reports"],
            timeout: 30)
        XCTAssertEqual(trusted.exitCode, 0, trusted.output)
    }
}
