import Foundation

/// What the target does wrong: nothing listening or an untrusted certificate (exit 3), answers that are
/// not HTTP, cut short, too slow, or refused before sending (exit 1), and runs stopped by a signal (130).
extension ErrorCatalog {
    static var target: [ErrorCase] {
        [
            ErrorCase(
                .target, "nothing listens at the target", files: ["ok.yaml": CaseFiles.ok], shows: "target unreachable",
                exit: 3
            ) {
                ["run", "ok.yaml", "--base-url", $0.closed, "--no-reports"]
            },
            ErrorCase(
                .target, "nothing listens, for a load-only file without criteria",
                files: ["load.yaml": CaseFiles.loadOnly],
                shows: "target unreachable", exit: 3
            ) {
                ["run", "load.yaml", "--base-url", $0.closed, "--no-reports"]
            },
            ErrorCase(
                .target, "nothing listens, for the runbook's load file (`load-home.yaml`, with criteria)",
                files: ["load-home.yaml": CaseFiles.runbookLoad], shows: "target unreachable", exit: 3
            ) {
                ["run", "load-home.yaml", "--base-url", $0.closed, "--no-reports"]
            },
            ErrorCase(.target, "nothing listens, for `load`", shows: "target unreachable", exit: 3) {
                ["load", $0.closed + "/", "-n", "10", "--no-reports"]
            },
            ErrorCase(
                .target, "a self-signed certificate (TLS is verified by default)", files: ["ok.yaml": CaseFiles.ok],
                shows: "target unreachable", exit: 3
            ) {
                ["run", "ok.yaml", "--base-url", $0.tls.baseURL, "--no-reports"]
            },
            ErrorCase(
                .target, "a self-signed certificate under a `certificate:` step: that step fails, the rest is not sent",
                files: ["cert.yaml": CaseFiles.certificate], shows: "does not verify", exit: 1
            ) {
                ["run", "cert.yaml", "--base-url", $0.tls.baseURL, "--no-reports"]
            },
            ErrorCase(
                .target, "a `certificate:` step on a site served over plain HTTP",
                files: ["cert.yaml": CaseFiles.certificate],
                shows: "not an https:// URL", exit: 1
            ) {
                ["run", "cert.yaml", "--base-url", $0.base, "--no-reports"]
            },
            ErrorCase(
                .target, "`submit_form` sets a field the form does not have", files: ["form.yaml": CaseFiles.form],
                shows: "has no field", exit: 1
            ) {
                ["run", "form.yaml", "--base-url", $0.base, "--var", "field=type_demande", "--no-reports"]
            },
            ErrorCase(
                .target, "`submit_form` leaves a field the form requires empty", files: ["form.yaml": CaseFiles.form],
                shows: "requires", exit: 1
            ) {
                ["run", "form.yaml", "--base-url", $0.base, "--var", "field=", "--no-reports"]
            },
            step("a server that never answers (`--timeout 1`)", "/hang", ["--timeout", "1"]),
            step("a body dripping at 1 byte/s (`--timeout 2`)", "/drip", ["--timeout", "2"]),
            step("an answer that is not HTTP at all", "/garbage"),
            step("a status line whose code is not a number", "/bad-status"),
            step("a connection reset in the middle of the body", "/reset-mid-body"),
            step("broken chunked encoding", "/broken-chunked"),
            step(
                "a redirect to `file:///etc/passwd` (with `follow_redirects: true`)", "/redirect-file",
                extra: "    follow_redirects: true\n"),
            ErrorCase(
                .target,
                "a site in maintenance mode (503 everywhere) refuses `--bypass-secret`: nothing is checked, "
                    + "every report is written",
                files: ["ok.yaml": CaseFiles.ok], shows: "maintenance bypass refused", exit: 2
            ) {
                [
                    "run", "ok.yaml", "--base-url", $0.server.url("/down"), "--bypass-secret", "not-it", "--reports",
                    "reports",
                ]
            },
            ErrorCase(
                .target, "a line break brought into a header value by a variable: the request is not sent",
                files: ["trace.yaml": CaseFiles.step("/ok", "    headers: { X-Trace: \"{{ trace }}\" }\n")],
                shows: "failed during", exit: 1
            ) {
                ["run", "trace.yaml", "--base-url", $0.base, "--var", "trace=a\r\nX-Injected: 1", "--no-reports"]
            },
            ErrorCase(
                .target, "a `file://` URL brought by a variable: the request is not sent",
                files: ["target.yaml": CaseFiles.step("\"{{ target }}\"")], shows: "failed during", exit: 1
            ) {
                ["run", "target.yaml", "--base-url", $0.base, "--var", "target=file:///etc/passwd", "--no-reports"]
            },
            ErrorCase(
                .target,
                "`submit_form` would send a password to another origin (the form's `action`, a `<base href>` or the "
                    + "button's `formaction`): not sent",
                files: ["leak.yaml": CaseFiles.crossOriginLogin], shows: "--allow-origin", exit: 1
            ) {
                ["run", "leak.yaml", "--base-url", $0.base, "--var", "other=\($0.closedQuery)"]
                    + ["--var", "admin_password=Pr0d-Pa55", "--no-reports"]
            },
            ErrorCase(
                .target, "a redirect to another origin after a request carrying a secret (`follow_redirects: true`)",
                files: [
                    "leak.yaml": CaseFiles.step(
                        "\"/cross-origin/redirect-307?to={{ other }}\"", name: "Log in",
                        "    method: POST\n    form: { password: \"{{ admin_password }}\" }\n    follow_redirects: true\n"
                    )
                ],
                shows: "not followed", exit: 1
            ) {
                ["run", "leak.yaml", "--base-url", $0.base, "--var", "other=\($0.closedQuery)"]
                    + ["--var", "admin_password=Pr0d-Pa55", "--no-reports"]
            },
            ErrorCase(
                .target, "a load section whose URL is on another origin and whose headers carry a secret",
                files: [
                    "leak.yaml":
                        "name: Case\nload:\n  url: \"{{ other }}/steal\"\n  headers: { X-XSRF-TOKEN: eyJpdiI6IkFCQyJ9 }\n"
                        + "  requests: 1\n"
                ],
                shows: "--allow-origin", exit: 2
            ) {
                ["run", "leak.yaml", "--base-url", $0.base, "--var", "other=\($0.closed)", "--no-reports"]
            },
            check(
                "invalid JSON under a JSONPath check", "/invalid-json",
                "    expect: { jsonpath: [{ path: \"$.data\", exists: true }] }\n", shows: "actual"),
            check("a status of 999", "/status-999", "    expect: { status: 200 }\n", shows: "actual"),
            check(
                "a 500 whose body and `Server` header carry terminal escape sequences", "/escape",
                "    expect: { status: 200 }\n", shows: "response:"),
            check(
                "a decompression bomb (4 GiB of zeros as zstd) under a body check: decoding stops at the 4 MB cap",
                "\"/bomb/zstd?gib=4\"", "    compressed: true\n    expect: { body: { contains: CSAR } }\n",
                shows: "step 'Home page': body cut at 4 MB after decoding zstd"),
            check(
                "a page in windows-1252 (`<meta charset>`) whose text is checked in UTF-8: decoded first, so only a real "
                    + "mismatch fails",
                "/cp1252-meta", "    expect: { body: { contains: \"coût 6 €\" } }\n", shows: "coût 5 €"),
            interrupted("SIGTERM during `run` (what CI runners and `timeout` send)", [SIGTERM], command: "run"),
            interrupted("SIGINT (Ctrl-C) during `load`", [SIGINT], command: "load"),
            interrupted("SIGHUP (the terminal closed) during `run`", [SIGHUP], command: "run"),
            interrupted(
                "a second signal while stopping", [SIGTERM, SIGINT], command: "run", shows: "Interrupted again"),
            ErrorCase(
                .signals, "a server that never answers, with `--max-time 2s` (the whole run bounded)",
                files: ["case.yaml": CaseFiles.step("/hang", "")], shows: "interrupted at --max-time", exit: 130
            ) {
                ["run", "case.yaml", "--base-url", $0.base, "--max-time", "2s", "--no-reports"]
            },
        ]
    }

    /// `run` of one step on the hostile server's `path`, which fails with a transport error (exit 1).
    private static func step(_ input: String, _ path: String, _ flags: [String] = [], extra: String = "") -> ErrorCase {
        ErrorCase(.target, input, files: ["case.yaml": CaseFiles.step(path, extra)], shows: "failed during", exit: 1) {
            ["run", "case.yaml", "--base-url", $0.base, "--no-reports"] + flags
        }
    }

    /// `run` of one step on `path` whose expectation fails (exit 1).
    private static func check(_ input: String, _ path: String, _ expect: String, shows: String) -> ErrorCase {
        ErrorCase(.target, input, files: ["case.yaml": CaseFiles.step(path, expect)], shows: shows, exit: 1) {
            ["run", "case.yaml", "--base-url", $0.base, "--no-reports"]
        }
    }

    /// A run against a server that hangs (or a load), stopped by `signals` once it is under way.
    private static func interrupted(
        _ input: String, _ signals: [Int32], command: String, shows: String = "interrupted by"
    ) -> ErrorCase {
        let hang = "name: Case\nsteps:\n  - name: Home page\n    url: /ok\n  - name: Hangs\n    url: /hang\n"
        var interrupted = ErrorCase(.signals, input, files: ["hang.yaml": hang], shows: shows, exit: 130) { fixture in
            command == "load"
                ? ["load", fixture.server.url("/ok"), "-t", "30", "--no-reports"]
                : ["run", "hang.yaml", "--base-url", fixture.base, "--no-reports"]
        }
        interrupted.signals = signals
        interrupted.waitFor = command == "load" ? "Loading " : "✔ Home page"
        return interrupted
    }
}
