import CSARCheck
import Foundation
import XCTest

/// The real Laravel stack of `scripts/laravel-stack.sh` (Tests/LaravelSite on Debian's Laravel 8, php-fpm,
/// nginx, MariaDB, Redis): `scripts/test.sh` starts one for the whole run and names its env file in
/// `CSAR_LARAVEL_ENV`; by hand, `scripts/laravel-stack.sh start` leaves one in `.build/laravel-stack`.
///
/// Tests share the one stack and run one at a time: each starts from ``reset()``.
struct LaravelStack: Sendable {
    let baseURL: String
    let adminEmail: String
    let adminPassword: String
    let bypassSecret: String
    let runtime: String
    /// Every setting of the stack's env file (the side effects' mailbox, SMS inbox, Pusher URL among them).
    var settings: [String: String] = [:]

    /// The environment a deployment gives csar-check: the administrator's credentials, nothing else.
    var adminEnvironment: [String: String] {
        ["CSAR_ADMIN_EMAIL": adminEmail, "CSAR_ADMIN_PASSWORD": adminPassword]
    }

    /// The settings the side-effect checks read besides the site's .env: the mailbox the requester's mail
    /// lands in (IMAPS, the stack's CA), the SMS double's inbox, the Pusher server.
    var sideEffectEnvironment: [String: String] {
        settings.filter { ["CSAR_MAIL_", "CSAR_SMS_", "CSAR_PUSHER_"].contains(where: $0.key.hasPrefix) }
    }

    /// The same application on the stack's hardened TLS server (certificate from the stack's test CA).
    var httpsURL: String { settings["CSAR_LARAVEL_HTTPS_URL"] ?? "" }
    /// The test CA's certificate, for `--cacert`.
    var certificateAuthority: String { settings["CSAR_LARAVEL_CA"] ?? "" }
    /// The plain-HTTP server that redirects to `httpsURL`.
    var httpRedirectURL: String { settings["CSAR_LARAVEL_HTTP_REDIRECT_URL"] ?? "" }
    /// A static site (nginx, no PHP) over TLS, hardened the same way: a site shaped unlike Laravel.
    var staticHTTPSURL: String { settings["CSAR_STATIC_HTTPS_URL"] ?? "" }

    /// Aims a run at the TLS server as a production gate is aimed: base URL, CA, and the redirect server as
    /// production.yaml's `http_base_url`.
    var httpsArguments: [String] {
        ["--base-url", httpsURL, "--cacert", certificateAuthority, "--var", "http_base_url=\(httpRedirectURL)"]
    }

    /// The TLS server's settings as lines of an `--env-file`, as a pipeline names them: its private CA
    /// (`CSAR_CACERT`) and its plain-HTTP origin (`CSAR_HTTP_BASE_URL`).
    var tlsSettingsForEnvFile: String {
        "CSAR_CACERT=\(certificateAuthority)\nCSAR_HTTP_BASE_URL=\(httpRedirectURL)\n"
    }

    /// Breaks the TLS server's hardening (`debug`, `env-public`, `no-hsts`, `insecure-cookie`…; see
    /// `scripts/laravel-stack.sh`); `reset()` restores it.
    func hardeningFault(_ names: String...) throws {
        try script(["hardening-fault"] + names)
    }

    /// Serves another certificate on the TLS server: `valid`, `expiring`, `wrong-host`, `self-signed`, `expired`.
    func serveCertificate(_ name: String) throws {
        try script(["certificate", name])
    }

    /// The site's own .env (MAIL_*, SMS_*, PUSHER_*), for `--env-file`.
    var siteEnvFile: String { settings["CSAR_LARAVEL_ENV_FILE"] ?? "\(runtime)/.env" }

    private static let found: Result<LaravelStack, LaravelStackUnavailable> = locate()

    /// The running stack, reset to a healthy site. Skips the test when there is none, unless the run must
    /// have one (`CI` set, or `CSAR_LARAVEL_ENV` names a file): then it fails.
    static func healthy(file: StaticString = #filePath, line: UInt = #line) throws -> LaravelStack {
        switch found {
        case .success(let stack):
            try stack.reset()
            return stack
        case .failure(let unavailable):
            let environment = ProcessInfo.processInfo.environment
            if environment["CI"] != nil || environment["CSAR_LARAVEL_ENV"] != nil {
                XCTFail(unavailable.reason, file: file, line: line)
                throw unavailable
            }
            throw XCTSkip(unavailable.reason)
        }
    }

    /// Faults off, maintenance off, rate limits cleared.
    func reset() throws {
        try script("reset")
    }

    /// Breaks the site: `500:/path`, `500:POST /path`, `latency:/path=MS`, `warehouses:MODE`, `csrf:off`,
    /// `throttle:api=N` (the API's limit a minute instead of Laravel's 60).
    func fault(_ specs: String...) throws {
        try script(["fault"] + specs)
    }

    /// `php artisan down --secret=…` with the stack's bypass secret.
    func down() throws {
        try script("down")
    }

    /// Every session Laravel holds (in Redis database 0): its id, and the CSRF token it carries.
    func sessions() throws -> [(id: String, csrfToken: String?)] {
        let keys = try redis("--scan").split(separator: "\n").map(String.init)
        return try keys.map { key in
            let payload = try redis("GET", key)
            let token = payload.firstMatch(of: /s:6:"_token";s:\d+:"([^"]+)"/).map { String($0.1) }
            return (String(key.split(separator: ":").last ?? ""), token)
        }
    }

    /// Drops every session, so ``sessions()`` afterwards lists only those of what ran since.
    func forgetSessions() throws {
        try redis("FLUSHDB")
    }

    @discardableResult
    private func redis(_ arguments: String...) throws -> String {
        try run("/usr/bin/env", ["redis-cli", "-s", runtime + "/redis.sock", "-n", "0"] + arguments)
    }

    /// Runs `scripts/laravel-stack.sh ARGUMENTS` on this stack's runtime folder; returns its output.
    @discardableResult
    func script(_ arguments: String...) throws -> String {
        try script(arguments)
    }

    @discardableResult
    func script(_ arguments: [String]) throws -> String {
        try run(RepositoryPaths.root.appendingPathComponent("scripts/laravel-stack.sh").path, arguments)
    }

    private func run(_ executable: String, _ arguments: [String], timeout: TimeInterval = 90) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(["CSAR_LARAVEL_RUNTIME": runtime]) { $1 }
        // A file, not a pipe: a daemon the script starts (the queue worker on `reset`) may inherit the
        // descriptor, and a pipe would then never reach its end.
        let outputURL = FileManager.default.temporaryDirectory.appendingPathComponent("laravel-stack-\(UUID()).log")
        FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outputURL) }
        let output = try FileHandle(forWritingTo: outputURL)
        defer { try? output.close() }
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning {
            process.terminate()
            let command = ([executable] + arguments).joined(separator: " ")
            throw LaravelStackUnavailable(reason: "\(command) took over \(Int(timeout)) s")
        }
        let text = (try? String(contentsOf: outputURL, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 else {
            let command = ([executable] + arguments).joined(separator: " ")
            throw LaravelStackUnavailable(reason: "\(command) failed: \(text)")
        }
        return text
    }

    private static func locate() -> Result<LaravelStack, LaravelStackUnavailable> {
        let environment = ProcessInfo.processInfo.environment
        let defaultFile = RepositoryPaths.root.appendingPathComponent(".build/laravel-stack/stack.env").path
        let path = environment["CSAR_LARAVEL_ENV"] ?? defaultFile
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            let php = FileManager.default.fileExists(atPath: "/usr/share/php/Illuminate/autoload.php")
            return .failure(
                LaravelStackUnavailable(
                    reason: php
                        ? "no real Laravel stack: scripts/test.sh starts one; by hand run scripts/laravel-stack.sh start"
                        : "PHP and Debian's php-laravel-framework are not installed (scripts/install-deps.sh): "
                            + "the tests against the real Laravel stack are skipped"))
        }
        var values: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            values[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        guard let url = values["CSAR_LARAVEL_URL"], let email = values["CSAR_LARAVEL_ADMIN_EMAIL"],
            let password = values["CSAR_LARAVEL_ADMIN_PASSWORD"], let secret = values["CSAR_LARAVEL_BYPASS_SECRET"],
            let runtime = values["CSAR_LARAVEL_RUNTIME"]
        else {
            return .failure(LaravelStackUnavailable(reason: "\(path) lacks the CSAR_LARAVEL_* settings of the stack"))
        }
        let stack = LaravelStack(
            baseURL: url, adminEmail: email, adminPassword: password, bypassSecret: secret, runtime: runtime,
            settings: values
        )
        if let status = try? stack.script("status"), status.contains("nginx: running") {
            return .success(stack)
        }
        return .failure(
            LaravelStackUnavailable(
                reason: "the Laravel stack of \(path) is not running: scripts/laravel-stack.sh start"
            ))
    }
}

/// Why the tests against the real Laravel stack cannot run.
struct LaravelStackUnavailable: Error, CustomStringConvertible {
    let reason: String

    var description: String { reason }
}
