/// Bad flags: every one is a usage error (exit 2) found before anything is sent.
extension ErrorCatalog {
    static var commandLine: [ErrorCase] {
        [
            ErrorCase(.commandLine, "`--timeout inf`", files: ["ok.yaml": CaseFiles.ok], shows: "--timeout", exit: 2) {
                ["run", "ok.yaml", "--base-url", $0.base, "--timeout", "inf"]
            },
            ErrorCase(
                .commandLine, "`--timeout 0` (libcurl: no timeout at all)", files: ["ok.yaml": CaseFiles.ok],
                shows: "--timeout", exit: 2
            ) {
                ["run", "ok.yaml", "--base-url", $0.base, "--timeout", "0"]
            },
            ErrorCase(.commandLine, "`--timeout=-5`", files: ["ok.yaml": CaseFiles.ok], shows: "--timeout", exit: 2) {
                ["run", "ok.yaml", "--base-url", $0.base, "--timeout=-5"]
            },
            ErrorCase(.commandLine, "`--timeout 1e300`", files: ["ok.yaml": CaseFiles.ok], shows: "--timeout", exit: 2)
            {
                ["run", "ok.yaml", "--base-url", $0.base, "--timeout", "1e300"]
            },
            ErrorCase(
                .commandLine, "`--connect-timeout nan`", files: ["ok.yaml": CaseFiles.ok], shows: "--connect-timeout",
                exit: 2
            ) {
                ["run", "ok.yaml", "--base-url", $0.base, "--connect-timeout", "nan"]
            },
            ErrorCase(.commandLine, "`--max-time 0`", files: ["ok.yaml": CaseFiles.ok], shows: "--max-time", exit: 2) {
                ["run", "ok.yaml", "--base-url", $0.base, "--max-time", "0"]
            },
            ErrorCase(
                .commandLine, "`--cacert` names a missing file", files: ["ok.yaml": CaseFiles.ok], shows: "--cacert",
                exit: 2
            ) {
                ["run", "ok.yaml", "--base-url", $0.base, "--cacert", "missing-ca.pem"]
            },
            ErrorCase(
                .commandLine, "`CSAR_CACERT` in the `--env-file` names a missing file",
                files: ["ok.yaml": CaseFiles.ok, "app.env": "CSAR_CACERT=missing-ca.pem\n"], shows: "CSAR_CACERT",
                exit: 2
            ) {
                ["run", "ok.yaml", "--base-url", $0.base, "--env-file", "app.env"]
            },
            ErrorCase(
                .commandLine, "`--allow-origin` given a URL with a path, not an origin",
                files: ["ok.yaml": CaseFiles.ok],
                shows: "not an origin", exit: 2
            ) {
                ["run", "ok.yaml", "--base-url", $0.base, "--allow-origin", "https://pay.example/checkout"]
            },
            ErrorCase(
                .commandLine, "`--reports` folder that cannot be created (a file is in the way)",
                files: ["ok.yaml": CaseFiles.ok, "taken": ""], shows: "cannot write reports", exit: 2
            ) {
                ["run", "ok.yaml", "--base-url", $0.base, "--reports", "taken/reports"]
            },
            ErrorCase(
                .commandLine, "`--base-url ftp://…`", files: ["ok.yaml": CaseFiles.ok], shows: "base URL", exit: 2
            ) { _ in
                ["run", "ok.yaml", "--base-url", "ftp://csar.sn"]
            },
            ErrorCase(
                .commandLine, "no target (`run` without `--base-url`, `CSAR_BASE_URL` or `--env-file`)",
                files: ["ok.yaml": CaseFiles.ok], shows: "no target", exit: 2
            ) { _ in
                ["run", "ok.yaml"]
            },
            ErrorCase(.commandLine, "`--var` without `=`", files: ["ok.yaml": CaseFiles.ok], shows: "--var", exit: 2) {
                ["run", "ok.yaml", "--base-url", $0.base, "--var", "lang"]
            },
            ErrorCase(.commandLine, "an unknown flag", shows: "Unknown option", exit: 2) { _ in
                ["smoke", "--no-such-flag"]
            },
            ErrorCase(
                .commandLine, "`load URL --timeout inf` (a request that never times out)", shows: "--timeout", exit: 2
            ) {
                ["load", $0.server.url("/ok"), "-n", "1", "--timeout", "inf"]
            },
            ErrorCase(.commandLine, "`load URL --rate nan`", shows: "--rate", exit: 2) {
                ["load", $0.server.url("/ok"), "-n", "1", "--rate", "nan"]
            },
            ErrorCase(.commandLine, "`load URL -t inf`", shows: "-t", exit: 2) {
                ["load", $0.server.url("/ok"), "-t", "inf"]
            },
            ErrorCase(.commandLine, "`load URL` with neither `-n` nor `-t` (unbounded)", shows: "unbounded", exit: 2) {
                ["load", $0.server.url("/ok")]
            },
            ErrorCase(.commandLine, "`load` of a `file://` URL", shows: "http://", exit: 2) { _ in
                ["load", "file:///etc/passwd", "-n", "1"]
            },
            ErrorCase(
                .commandLine, "`load --rate 1e-300 -n 5` (a count it would take forever to send)",
                shows: "above the ceiling", exit: 2
            ) {
                ["load", $0.server.url("/ok"), "-n", "5", "--rate", "1e-300"]
            },
            ErrorCase(
                .commandLine, "`load --rate 0.1 -t 2` (less than one request)", shows: "less than one request",
                exit: 2
            ) {
                ["load", $0.server.url("/ok"), "-t", "2", "--rate", "0.1"]
            },
            ErrorCase(.commandLine, "`load -n 2000000` (above the ceiling)", shows: "ceiling", exit: 2) {
                ["load", $0.server.url("/ok"), "-n", "2000000"]
            },
            ErrorCase(
                .commandLine, "`load -H` with a line break in the value (header injection)", shows: "line break",
                exit: 2
            ) {
                ["load", $0.server.url("/ok"), "-n", "1", "-H", "X-Trace: a\r\nX-Injected: 1"]
            },
            ErrorCase(.commandLine, "`load -p /dev/zero` (a body that never ends)", shows: "larger than 64 MB", exit: 2)
            {
                ["load", $0.server.url("/ok"), "-n", "1", "-p", "/dev/zero"]
            },
            ErrorCase(.commandLine, "`load -p` of a missing file", shows: "-p missing.json", exit: 2) {
                ["load", $0.server.url("/ok"), "-n", "1", "-p", "missing.json"]
            },
            ErrorCase(
                .commandLine, "`--var` with a name no file of the run declares or reads (a typo)",
                files: ["lang.yaml": "name: Case\nvariables: { lang: fr }\nsteps:\n  - url: \"/{{ lang }}\"\n"],
                shows: "no scenario of this run", exit: 2
            ) {
                ["run", "lang.yaml", "--base-url", $0.base, "--var", "lnag=fr", "--no-reports"]
            },
            ErrorCase(
                .commandLine, "`--var FILE.name=…` with a name that file does not declare or read",
                files: ["lang.yaml": "name: Case\nvariables: { lang: fr }\nsteps:\n  - url: \"/{{ lang }}\"\n"],
                shows: "lang.yaml declares", exit: 2
            ) {
                ["run", "lang.yaml", "--base-url", $0.base, "--var", "lang.lnag=fr", "--no-reports"]
            },
            ErrorCase(
                .commandLine, "`--tag` that no scenario file carries (a typo)",
                files: ["ok.yaml": "name: Case\ntags: [smoke]\nsteps:\n  - url: /ok\n"], shows: "--tag", exit: 2
            ) {
                ["run", "ok.yaml", "--base-url", $0.base, "--tag", "smoek", "--no-reports"]
            },
            ErrorCase(
                .commandLine, "`--skip` that no file or step carries (a typo)",
                files: ["ok.yaml": "name: Case\nsteps:\n  - { url: /ok, tags: [laravel] }\n"], shows: "--skip",
                exit: 2
            ) {
                ["run", "ok.yaml", "--base-url", $0.base, "--skip", "laravle", "--no-reports"]
            },
            ErrorCase(.commandLine, "`--scenarios` names no folder", shows: "--scenarios", exit: 2) {
                ["smoke", "--base-url", $0.base, "--scenarios", "nowhere", "--no-reports"]
            },
            ErrorCase(
                .commandLine,
                "`smoke` from a folder without `Scenarios/`, with no `CSAR_SCENARIOS` and no installed scenarios",
                shows: "no scenario folder", exit: 2
            ) {
                ["smoke", "--base-url", $0.base, "--no-reports"]
            },
            ErrorCase(.commandLine, "`--timeout 2 weeks` (not a duration)", shows: "--timeout", exit: 2) {
                ["smoke", "--base-url", $0.base, "--timeout", "2 weeks", "--no-reports"]
            },
            ErrorCase(
                .commandLine, "`doubles` with neither `--sms-listen` nor `--pusher-listen`", shows: "nothing to serve",
                exit: 2
            ) { _ in
                ["doubles", "--env-file", "app.env"]
            },
            ErrorCase(
                .commandLine, "`doubles --sms-listen 127.0.0.1:99999` (no such port)", shows: "--sms-listen", exit: 2
            ) { _ in
                ["doubles", "--env-file", "app.env", "--sms-listen", "127.0.0.1:99999"]
            },
            ErrorCase(
                .commandLine, "`doubles --sms-listen` on a port another program listens on",
                files: ["app.env": "SMS_CLIENT_ID=csar\nSMS_CLIENT_SECRET=s\n"], shows: "cannot listen", exit: 2
            ) {
                [
                    "doubles", "--env-file", "app.env", "--sms-listen",
                    $0.base.replacingOccurrences(of: "http://", with: ""),
                ]
            },
        ]
    }
}
