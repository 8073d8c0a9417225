import Foundation
import XCTest

/// Pages of several frameworks hand out CSRF tokens and session cookies that no scenario captures; a
/// failing run prints transcripts and excerpts of them. None of those values, in any encoding, and no long
/// piece of one, may reach the console, JUnit, JSON or HTML; the field names must stay readable.
final class TokenMaskingTests: XCTestCase {
    /// Values the server hands out, random per run; the Rails-style one has `+`, `/` and `=` in it.
    private let tokens: [String: String] = {
        func random() -> String { UUID().uuidString.replacingOccurrences(of: "-", with: "") }
        return [
            "laravel": random().prefix(40).description,
            "django": random() + random(),
            "rails": "r" + random().prefix(20) + "+/" + random().prefix(10) + "==",
            "aspnet": "CfDJ8" + random(),
            "api": "api/" + random(),
            "xsrfCookie": "eyJpdiI6I" + random() + "=",
            "session": "eyJ2YWx1ZSI6" + random() + "=",
            "djangoCookie": random(),
        ]
    }()

    private static let script = #"""
        import http.server, json, sys, threading, urllib.parse
        t = json.loads(sys.argv[1])
        def around(before, token, after):
            # Padding puts the token across character 200, where failure excerpts used to be cut.
            return "<html><body>" + "x" * (185 - 12 - len(before)) + before + token + after + "</body></html>"
        pages = {
            "/laravel": around('<meta name="csrf-token" content="', t["laravel"], '"><form method="POST" action="/echo">'
                f'<input type="hidden" name="_token" value="{t["laravel"]}"><input name="email" value="a@csar.sn">'
                '<input type="password" name="password"></form>'),
            "/django": around('<form method="post" action="/echo"><input type="hidden" name="csrfmiddlewaretoken" value="',
                t["django"], '"><input type="hidden" name="next" value="/admin/"></form>'),
            "/rails": around('<meta name="csrf-param" content="authenticity_token"><meta name="csrf-token" content="',
                t["rails"], f'"><form action="/echo" method="post"><input type="hidden" name="authenticity_token" '
                f'value="{t["rails"]}"></form>'),
            "/aspnet": around('<input name="__RequestVerificationToken" type="hidden" value="', t["aspnet"], '">'),
        }
        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            def reply(self, body, content_type="text/html; charset=utf-8"):
                data = body.encode()
                self.send_response(200)
                self.send_header("Content-Type", content_type)
                xsrf = urllib.parse.quote(t["xsrfCookie"], safe="")
                self.send_header("Set-Cookie", f"XSRF-TOKEN={xsrf}; path=/; samesite=lax")
                self.send_header("Set-Cookie", f"csar_session={urllib.parse.quote(t['session'], safe='')}; path=/; httponly")
                self.send_header("Set-Cookie", f"csrftoken={t['djangoCookie']}; path=/")
                self.send_header("Set-Cookie", "lang=fr; path=/")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            def do_GET(self):
                if self.path == "/api":
                    self.reply(json.dumps({"pad": "y" * 160, "csrf_token": t["api"]}).replace("/", "\\/"), "application/json")
                else:
                    self.reply(pages.get(self.path, "<html><body>nothing</body></html>"))
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
                echoed = "<html><body><pre>" + "x" * (185 - 17 - body.index("=") - 1) + body + "\n" + str(self.headers.get("Cookie")) + "</pre></body></html>"
                self.reply(echoed)
            def log_message(self, *arguments):
                pass
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        print(server.server_address[1], flush=True)
        threading.Thread(target=lambda: (sys.stdin.read(), server.shutdown()), daemon=True).start()
        server.serve_forever()
        """#

    private static let scenario = """
        name: Token pages
        steps:
          - { name: laravel page, url: /laravel, expect: { body: { contains: NOT-ON-THE-PAGE } } }
          - name: laravel form
            submit_form: { fields: { password: "pw-{{ run_id }}" } }
            expect: { body: { contains: NOT-ON-THE-PAGE } }
          - { name: django page, url: /django, expect: { body: { contains: NOT-ON-THE-PAGE } } }
          - { name: django form, submit_form: {}, expect: { body: { contains: NOT-ON-THE-PAGE } } }
          - { name: rails page, url: /rails, expect: { body: { contains: NOT-ON-THE-PAGE } } }
          - { name: rails form, submit_form: {}, expect: { body: { contains: NOT-ON-THE-PAGE } } }
          - { name: aspnet page, url: /aspnet, expect: { xpath: [{ path: "//input/@value", equals: nope }] } }
          - { name: api, url: /api, expect: { body: { contains: NOT-ON-THE-PAGE }, jsonpath: [{ path: "$", equals: 1 }] } }
        """

    func testNoTokenOrCookieValueReachesAnyOutput() throws {
        let server = try PythonServer.start(
            script: Self.script, arguments: [String(decoding: try JSONEncoder().encode(tokens), as: UTF8.self)])
        defer { server.stop() }
        let folder = try TemporaryFolder.make()
        let file = folder.appendingPathComponent("tokens.yaml")
        try Self.scenario.write(to: file, atomically: true, encoding: .utf8)
        let reports = folder.appendingPathComponent("reports")
        let run = try CommandLineRun.run(["run", file.path, "--base-url", server.baseURL, "--reports", reports.path])
        XCTAssertEqual(run.exitCode, 1, run.output)
        var everything = run.stdout + run.stderr
        for name in ["junit.xml", "report.json", "report.html"] {
            everything += try String(contentsOfFile: reports.appendingPathComponent(name).path, encoding: .utf8)
        }
        XCTAssertTrue(everything.contains("NOT-ON-THE-PAGE"), "the failures were reported")
        for (kind, token) in tokens {
            for form in Self.encodings(of: token) {
                XCTAssertFalse(everything.contains(form), "\(kind) token found in output as \(form)")
            }
            let pieces = stride(from: 0, to: token.count - 10, by: 1).map { String(token.dropFirst($0).prefix(10)) }
            if let piece = pieces.first(where: everything.contains) {
                XCTFail("part of the \(kind) token found in output: \(piece)")
            }
        }
        for name in [
            "_token=", "csrfmiddlewaretoken=", "authenticity_token=", "__RequestVerificationToken", "password=",
            "csrf-param", "XSRF-TOKEN=", "csar_session=",
        ] {
            XCTAssertTrue(everything.contains(name), "field and cookie names stay readable: \(name) is missing")
        }
        XCTAssertTrue(everything.contains("lang=fr"), "a short cookie value is not a token")
    }

    /// The forms a value takes in pages, bodies, URLs and reports.
    static func encodings(of token: String) -> Set<String> {
        var forms: Set<String> = [token, token.replacingOccurrences(of: "/", with: "\\/")]
        forms.insert(token.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? token)
        forms.insert(token.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? token)
        forms.insert(token.replacingOccurrences(of: "+", with: "%2B").replacingOccurrences(of: "/", with: "%2F"))
        forms.insert(Data(token.utf8).base64EncodedString())
        return forms
    }
}

/// A small HTTP server written in Python (python3 is installed for the report tests), on a free loopback port:
/// `script` prints its port, then serves until its standard input closes.
final class PythonServer {
    let baseURL: String
    private let server: PythonProcess

    static func start(script: String, arguments: [String]) throws -> PythonServer {
        let server = try PythonProcess(["-c", script] + arguments, name: "the Python test server")
        guard let port = Int(server.firstLine) else {
            server.stop()
            throw LocalServerError(message: "the Python test server printed '\(server.firstLine)', not its port")
        }
        return PythonServer(baseURL: "http://127.0.0.1:\(port)", server: server)
    }

    private init(baseURL: String, server: PythonProcess) {
        self.baseURL = baseURL
        self.server = server
    }

    func stop() {
        server.stop()
    }
}
