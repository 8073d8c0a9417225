/// Bad scenario and `.env` files: every one is found by `validate` (and before `run` sends anything), named
/// by file, line, column and key; exit 2.
extension ErrorCatalog {
    static var files: [ErrorCase] {
        [
            file("a file that does not exist", nil, shows: "no such file"),
            file("an empty file", "", shows: "empty"),
            ErrorCase(.files, "a file that is not UTF-8 (saved as Latin-1)", shows: "not UTF-8", exit: 2) { _ in
                ["validate", "latin1.yaml"]
            }.with(bytes: ["latin1.yaml": Array("name: Caf".utf8) + [0xE9] + Array("\nsteps:\n  - url: /\n".utf8)]),
            ErrorCase(.files, "a file saved as UTF-16", shows: "UTF-16", exit: 2) { _ in ["validate", "utf16.yaml"] }
                .with(bytes: ["utf16.yaml": [0xFF, 0xFE] + Array("n\0a\0".utf8)]),
            file("invalid YAML", "name: [unclosed\nsteps:\n  - url: /\n", shows: "invalid YAML"),
            file("a YAML alias bomb (a few hundred bytes, billions of nodes)", aliasBomb, shows: "expands"),
            file("a misspelt key", CaseFiles.step("/", "    expcet: { status: 200 }\n"), shows: "unknown key"),
            file("`timeout: inf`", CaseFiles.step("/", "    timeout: inf\n"), shows: "timeout"),
            file("`timeout: 1e16`", CaseFiles.step("/", "    timeout: 1e16\n"), shows: "timeout"),
            file("`timeout: 0s`", CaseFiles.step("/", "    timeout: 0s\n"), shows: "timeout"),
            file("`timeout: -1s`", CaseFiles.step("/", "    timeout: -1s\n"), shows: "timeout"),
            file(
                "`retry: { delay: inf }` (a retry that sleeps forever)",
                CaseFiles.step("/", "    retry: { delay: inf }\n"), shows: "delay"),
            file(
                "`max_duration: nan`", CaseFiles.step("/", "    expect: { max_duration: nan }\n"), shows: "max_duration"
            ),
            file("`url: file:///etc/passwd`", CaseFiles.step("file:///etc/passwd"), shows: "scheme"),
            file(
                "`base_url: gopher://…`", "name: Case\nbase_url: gopher://csar.sn\nsteps:\n  - url: /\n",
                shows: "scheme"),
            file(
                "a header value with a line break (`\"a\\r\\nX-Injected: 1\"`)",
                CaseFiles.step("/", "    headers: { X-Trace: \"a\\r\\nX-Injected: 1\" }\n"), shows: "line break"),
            file(
                "a header name that is not a token", CaseFiles.step("/", "    headers: { \"X Trace\": a }\n"),
                shows: "token"),
            file(
                "`content_type` with a line break",
                CaseFiles.step(
                    "/", "    method: POST\n    body: x\n    content_type: \"text/plain\\nX-Injected: 1\"\n"),
                shows: "line break"),
            file(
                "an attachment that does not exist",
                CaseFiles.step("/", "    method: POST\n    multipart: { doc: { file: missing.pdf } }\n"),
                shows: "attachment"),
            file("an undefined variable", CaseFiles.step("/{{ lang }}/"), shows: "undefined variable"),
            file(
                "an invalid JSONPath",
                CaseFiles.step("/", "    expect: { jsonpath: [{ path: \"$.data[\", exists: true }] }\n"),
                shows: "JSONPath"),
            file(
                "an invalid XPath", CaseFiles.step("/", "    expect: { xpath: [{ path: \"//h1[\", exists: true }] }\n"),
                shows: "XPath"),
            file(
                "an invalid regular expression",
                CaseFiles.step("/", "    expect: { body: { matches: \"(unclosed\" } }\n"),
                shows: "regular expression"),
            file(
                "an unknown criterion metric", "name: Case\ncriteria: [latency < 2s]\nsteps:\n  - url: /\n",
                shows: "unknown metric"),
            file(
                "`tls:` checks on a step that reads no certificate",
                CaseFiles.step("/", "    expect: { tls: { verified: true } }\n"), shows: "certificate: URL"),
            file(
                "a misspelt `tls:` key",
                "name: Case\nsteps:\n  - certificate: /\n    expect: { tls: { day_left: 7 } }\n",
                shows: "unknown key"),
            file(
                "a misspelt `set_cookie` attribute",
                CaseFiles.step("/", "    expect: { set_cookie: { \"*_session\": { httponly: true } } }\n"),
                shows: "unknown key"),
            file(
                "`extract:` with nothing to check of what it finds",
                CaseFiles.step(
                    "/", "    expect: { headers: { Strict-Transport-Security: { extract: \"max-age=(\\\\d+)\" } } }\n"),
                shows: "extract"),
            file("`status: 999` expected", CaseFiles.step("/", "    expect: { status: 999 }\n"), shows: "status code"),
            file(
                "a load section with neither `requests` nor `duration`", "name: Case\nload:\n  url: /\n",
                shows: "unbounded"),
            file(
                "a load section with `rate: .nan`", "name: Case\nload: { url: /, requests: 5, rate: .nan }\n",
                shows: "rate"),
            file(
                "a load section with `duration: inf`", "name: Case\nload: { url: /, duration: inf }\n",
                shows: "duration"),
            ErrorCase(
                .files, "an environment variable the file needs is not set (found before the first request)",
                files: [
                    "env.yaml": "name: Case\nvariables:\n  password: { env: CSAR_NOT_SET_ANYWHERE, secret: true }\n"
                        + "steps:\n  - url: /ok\n    headers: { X-Password: \"{{ password }}\" }\n"
                ],
                shows: "CSAR_NOT_SET_ANYWHERE", exit: 2
            ) {
                ["run", "env.yaml", "--base-url", $0.base, "--no-reports"]
            },
            ErrorCase(
                .files,
                "`{{ env.NAME }}` not set, and an attachment given by a variable that is not there: both listed at "
                    + "once, before the first request",
                files: [
                    "needs.yaml": "name: Case\nvariables: { doc: missing.pdf }\nsteps:\n  - url: /ok\n"
                        + "    headers: { X-Key: \"{{ env.CSAR_KEY_NOT_SET }}\" }\n  - url: /ok\n    method: POST\n"
                        + "    multipart: { doc: { file: \"{{ doc }}\" } }\n"
                ],
                shows: "attachment not found", exit: 2
            ) {
                ["run", "needs.yaml", "--base-url", $0.base, "--no-reports"]
            },
            file("a tag that is not a word", "name: Case\ntags: [\"two words\"]\nsteps:\n  - url: /ok\n", shows: "tag"),
            file(
                "`when:` with an undefined variable",
                "name: Case\nsteps:\n  - url: /ok\n    when: \"{{ attachment }}\"\n", shows: "undefined variable"),
            file(
                "a `submit_form` field both under `fields` and `add`",
                "name: Case\nsteps:\n  - url: /ok\n  - submit_form: { fields: { a: x }, add: { a: y } }\n",
                shows: "'fields' fills"),
            ErrorCase(
                .files, "an `--env-file` that is not UTF-8", files: ["ok.yaml": CaseFiles.ok], shows: "not UTF-8",
                exit: 2
            ) {
                ["run", "ok.yaml", "--base-url", $0.base, "--env-file", "latin1.env"]
            }.with(bytes: ["latin1.env": Array("APP_NAME=Caf".utf8) + [0xE9, 0x0A]]),
            ErrorCase(
                .files, "`doubles` with a site `.env` that lacks a credential the doubles check",
                files: ["app.env": "SMS_CLIENT_ID=csar\nPUSHER_APP_ID=1\nPUSHER_APP_KEY=key\nPUSHER_APP_SECRET=s\n"],
                shows: "SMS_CLIENT_SECRET", exit: 2
            ) { _ in
                ["doubles", "--env-file", "app.env", "--sms-listen", "0", "--pusher-listen", "0"]
            },
        ]
    }

    /// `validate FILE` on a file with `text` (or on a file that does not exist when nil).
    private static func file(_ input: String, _ text: String?, shows: String) -> ErrorCase {
        ErrorCase(.files, input, files: text.map { ["case.yaml": $0] } ?? [:], shows: shows, exit: 2) { _ in
            ["validate", "case.yaml"]
        }
    }

    /// Nine levels of nine aliases: 9^9 (387 million) strings in a 600-byte file.
    private static let aliasBomb =
        "name: Bomb\nsteps:\n  - url: /\n    method: POST\n    json:\n"
        + "      a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        + (1..<9).map { level -> String in
            let previous = String(UnicodeScalar(UInt8(96 + level)))
            let name = String(UnicodeScalar(UInt8(97 + level)))
            return "      \(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ")
                + "]\n"
        }.joined()
}

extension ErrorCase {
    /// The case with files given as raw bytes (not UTF-8 text).
    func with(bytes: [String: [UInt8]]) -> ErrorCase {
        var copy = self
        copy.files.merge(bytes) { _, new in new }
        return copy
    }
}
