import Foundation
import XCTest

/// Issue 19: the run's credentials go only to the target's origin (and `--allow-origin`'s). The hostile
/// server's `/cross-origin/…` pages send forms and redirects to a second instance of it, another origin on
/// loopback (another port), which records every request it receives: it must receive none carrying them.
final class CredentialConfinementTests: HostileServerTestCase {
    private var other: HostileServer!
    private let password = "Pr0d-Adm1n-Pa55"

    override func setUpWithError() throws {
        try super.setUpWithError()
        other = try HostileServer.start()
    }

    override func tearDown() {
        other?.stop()
        super.tearDown()
    }

    private func run(
        _ steps: String, _ flags: [String] = [], environment: [String: String] = [:]
    ) throws
        -> CommandLineRun
    {
        let yaml =
            "name: Credentials\nvariables:\n  admin_password: { env: CSAR_ADMIN_PASSWORD, secret: true }\nsteps:\n"
            + steps
        return try CommandLineRun.run(
            ["run", try scenario(yaml), "--base-url", server.baseURL, "--no-reports"] + flags,
            environment: ["CSAR_ADMIN_PASSWORD": password].merging(environment) { _, new in new }, timeout: 60)
    }

    /// A page of the credentials block, then its login form submitted with the admin password.
    private func login(on page: String, form: String = "#login") -> String {
        """
          - name: Login page
            url: /cross-origin/\(page)?to=\(otherQuery)
          - name: Log in
            submit_form:
              selector: "\(form)"
              fields: { password: "{{ admin_password }}" }

        """
    }

    private var otherOrigin: String { other.baseURL }
    /// The other origin as the pages' `to` parameter takes it (encoded: a step URL holding `://` is absolute).
    private var otherQuery: String { otherOrigin.addingPercentEncoding(withAllowedCharacters: .alphanumerics)! }

    private func assertRefused(
        _ run: CommandLineRun, _ context: String, file: StaticString = #filePath, line: UInt = #line
    )
        throws
    {
        XCTAssertEqual(run.exitCode, 1, "\(context): \(run.output)", file: file, line: line)
        XCTAssertTrue(
            run.stdout.contains(otherOrigin), "\(context): names the other origin: \(run.stdout)", file: file,
            line: line)
        XCTAssertTrue(
            run.stdout.contains("--allow-origin \(otherOrigin)"), "\(context): names the option: \(run.stdout)",
            file: file, line: line)
        XCTAssertFalse(run.output.contains(password), "\(context): the password is never shown", file: file, line: line)
        XCTAssertEqual(
            try other.receivedRequests().count, 0, "\(context): the other origin received nothing", file: file,
            line: line)
    }

    func testAFormWhoseActionNamesAnotherOriginIsNotSubmitted() throws {
        let run = try run(login(on: "action"))
        try assertRefused(run, "action")
        XCTAssertTrue(run.stdout.contains("form matching '#login'"), run.stdout)
        XCTAssertTrue(run.stdout.contains("the field 'password'"), run.stdout)
    }

    func testABaseHrefOnAnotherOriginKeepsTheFormBack() throws {
        try assertRefused(try run(login(on: "base")), "<base href>")
    }

    func testASubmitterFormactionOnAnotherOriginKeepsTheFormBack() throws {
        try assertRefused(try run(login(on: "formaction")), "formaction")
    }

    func testAllowOriginLetsTheFormGoThere() throws {
        let run = try run(login(on: "action"), ["--allow-origin", otherOrigin])
        XCTAssertEqual(run.exitCode, 0, run.output)
        let received = try other.receivedRequests()
        XCTAssertEqual(received.map(\.line), ["POST /steal HTTP/1.1"], "sent once the user allows that origin")
        let fromEnvironment = try self.run(
            login(on: "base"), environment: ["CSAR_ALLOW_ORIGINS": "https://sso.example, \(otherOrigin)"])
        XCTAssertEqual(fromEnvironment.exitCode, 0, fromEnvironment.output)
    }

    func testAFormWithoutSecretsMayGoToAnotherOrigin() throws {
        let run = try run(
            """
              - name: Search page
                url: /cross-origin/search?to=\(otherQuery)
              - name: Search
                submit_form: { selector: "#search", fields: { q: entrepôt } }

            """)
        XCTAssertEqual(run.exitCode, 0, run.output)
        XCTAssertEqual(try other.receivedRequests().map(\.line), ["GET /steal?q=entrep%C3%B4t HTTP/1.1"])
    }

    func testARedirectThatWouldRepostTheSecretIsNotFollowed() throws {
        let run = try run(
            """
              - name: Log in
                url: /cross-origin/redirect-307?to=\(otherQuery)
                method: POST
                form: { pw: "{{ admin_password }}" }
                follow_redirects: true

            """)
        try assertRefused(run, "307")
        XCTAssertTrue(run.stdout.contains("redirect was not followed"), run.stdout)
        XCTAssertTrue(run.stdout.contains("the field 'pw'"), "known by its value, not its name: \(run.stdout)")
    }

    func testARedirectThatWouldCarryTheXSRFHeaderIsNotFollowed() throws {
        let run = try run(
            """
              - name: API call
                url: /cross-origin/redirect-302?to=\(otherQuery)
                headers: { X-XSRF-TOKEN: "eyJpdiI6IkFCQyIsInZhbHVlIjoiWFlaIn0" }
                follow_redirects: true

            """)
        try assertRefused(run, "X-XSRF-TOKEN")
        XCTAssertTrue(run.stdout.contains("the header 'X-XSRF-TOKEN'"), run.stdout)
    }

    func testSameOriginRedirectsAndStepsWithoutSecretsStillGo() throws {
        let run = try run(
            """
              - name: Log in
                url: /cross-origin/redirect-same-origin
                method: POST
                form: { password: "{{ admin_password }}" }
                follow_redirects: true
                expect: { status: 200 }
              - name: Redirect seen, not followed
                url: /cross-origin/redirect-307?to=\(otherQuery)
                method: POST
                form: { password: "{{ admin_password }}" }
                expect: { status: 307 }
              - name: Public redirect
                url: /cross-origin/redirect-302?to=\(otherQuery)
                follow_redirects: true
                expect: { status: 200 }

            """)
        XCTAssertEqual(run.exitCode, 0, run.output)
        XCTAssertEqual(try other.receivedRequests().map(\.line), ["GET /steal HTTP/1.1"], "no secret, so it follows")
    }

    func testAnExplicitStepURLOnAnotherOriginWithASecretIsNotSent() throws {
        let run = try run(
            """
              - name: Token elsewhere
                url: \(otherOrigin)/steal
                query: { token: "{{ admin_password }}" }

            """)
        try assertRefused(run, "explicit URL")
        XCTAssertTrue(run.stdout.contains("the query parameter 'token'"), run.stdout)
    }
}
