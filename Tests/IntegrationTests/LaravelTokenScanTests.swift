import Foundation
import XCTest

/// No token the real Laravel site issued during a gate reaches any output of csar-check.
///
/// The gate runs through a proxy that records every byte Laravel sent; every cookie value (as sent,
/// URL-decoded, and the parts of Laravel's encrypted envelopes), every CSRF token of a meta tag or hidden
/// input, every session id and session CSRF token left in Redis, the admin password and the bypass secret
/// are then looked for, whole or any 16-character piece, raw, URL-encoded, HTML-escaped, JSON-escaped and
/// base64, in the console output, junit.xml, report.json and report.html of a green gate and of a red one
/// (whose failure excerpts show a page carrying a token).
final class LaravelTokenScanTests: XCTestCase {
    func testNoTokenLaravelIssuedDuringAGateAppearsInAnyOutput() throws {
        let stack = try LaravelStack.healthy()
        try stack.down()
        defer { try? stack.reset() }
        try stack.forgetSessions()
        let port = try XCTUnwrap(URLComponents(string: stack.baseURL)?.port)
        let proxy = try RecordingProxy(targetPort: port)
        defer { proxy.stop() }

        var outputs: [(name: String, text: String)] = []
        for (label, fault) in [("green gate", nil), ("red gate", "latency:/carte=2500")] as [(String, String?)] {
            if let fault { try stack.fault(fault) }
            let reports = try TemporaryFolder.make()
            defer { try? FileManager.default.removeItem(at: reports) }
            let run = try CommandLineRun.run(
                [
                    "gate", "--base-url", "http://127.0.0.1:\(proxy.port)", "--bypass-secret", stack.bypassSecret,
                    "--skip", "production", "--reports", reports.path,
                ],
                environment: stack.adminEnvironment, timeout: 180
            )
            XCTAssertEqual(run.exitCode, fault == nil ? 0 : 1, "\(label): \(run.output)")
            outputs.append(("\(label) console", run.output))
            for file in ["junit.xml", "report.json", "report.html"] {
                let text = try String(contentsOf: reports.appendingPathComponent(file), encoding: .utf8)
                outputs.append(("\(label) \(file)", text))
            }
        }

        var tokens = TokenScan.issuedTokens(inResponses: String(decoding: proxy.serverBytes, as: UTF8.self))
        let kinds = Set(tokens.values)
        XCTAssertGreaterThan(tokens.values.filter { $0.hasPrefix("cookie") }.count, 100, "\(tokens.count) tokens")
        let expectedKinds: Set = [
            "meta csrf-token", "hidden _token", "cookie laravel_maintenance", "cookie XSRF-TOKEN",
        ]
        XCTAssertTrue(kinds.isSuperset(of: expectedKinds), "\(kinds)")
        let sessions = try stack.sessions()
        XCTAssertFalse(sessions.isEmpty, "the gate's sessions are in Redis")
        for session in sessions {
            tokens[session.id] = "session id"
            if let token = session.csrfToken, tokens[token] == nil { tokens[token] = "session CSRF token" }
        }
        tokens[stack.adminPassword] = "admin password"
        tokens[stack.bypassSecret] = "bypass secret"

        let leaks = TokenScan.leaks(of: tokens, in: outputs)
        let forms = tokens.keys.reduce(0) { $0 + TokenScan.encodings(of: $1).count }
        let bytes = outputs.reduce(0) { $0 + $1.text.utf8.count }
        print(
            "token scan: \(tokens.count) tokens (\(forms) encoded forms) in \(outputs.count) outputs "
                + "(\(bytes) bytes): \(leaks.count) found")
        XCTAssertTrue(leaks.isEmpty, leaks.map(\.description).joined(separator: "\n"))
    }

    /// The scan itself can fail: a token's half, in any of the encodings, is found; field names are not.
    func testTheScanFindsHalfATokenInEachEncoding() {
        // Base64 of {"iv":"AAAAAAAAAAAAAAAA","value":"BBBB/BBBB+BBBBBBBB","mac":"0123…cdef"}, URL-encoded.
        let cookie =
            "eyJpdiI6IkFBQUFBQUFBQUFBQUFBQUEiLCJ2YWx1ZSI6IkJCQkIvQkJCQitCQkJCQkJCQiIsIm1hYyI6IjAx"
            + "MjM0NTY3ODlhYmNkZWYwMTIzNDU2Nzg5YWJjZGVmIn0%3D"
        let response = """
            HTTP/1.1 200 OK\r
            Set-Cookie: XSRF-TOKEN=\(cookie); path=/\r
            \r
            <meta name="csrf-token" content="Q7wXk2LmP9sR4tVbN8cYh3JdF6gZa1Ke5uTnMoWi">
            """
        let tokens = TokenScan.issuedTokens(inResponses: response)
        XCTAssertEqual(tokens["Q7wXk2LmP9sR4tVbN8cYh3JdF6gZa1Ke5uTnMoWi"], "meta csrf-token")
        XCTAssertEqual(tokens["0123456789abcdef0123456789abcdef"], "cookie XSRF-TOKEN (mac)")
        let halfToken = "Q7wXk2LmP9sR4tVbN8cY"
        let outputs: [(name: String, text: String)] = [
            ("raw", "…excerpt cut here: \(halfToken)"),
            ("json", #"{"body": "value=\#(String("0123456789abcdef0123456789abcdef".prefix(20)))"}"#),
            ("url", "Cookie: XSRF-TOKEN=eyJpdiI6IkFBQUFBQUFBQUFBQUFBQUEiLCJ2YWx1"),
            ("names only", "fields: _token=••••••, email=admin@csar.sn, password=••••••"),
        ]
        let leaks = TokenScan.leaks(of: tokens, in: outputs)
        let found = leaks.map(\.description).joined(separator: "\n")
        XCTAssertEqual(Set(leaks.map(\.output)), ["raw", "json", "url"], found)
    }
}
