import Foundation
import XCTest

/// The Debian package as a CSAR team uses it: installed (`apt-get install ./csar-check_….deb`, which
/// scripts/test.sh does in CI and names in `CSAR_INSTALLED_BINARY`), run from folders that hold no scenario —
/// the gate against the real Laravel stack with its form's file field removed and against the Django site,
/// the README's CI snippets as written, the cron line of docs/nightly.md under cron's environment — with the
/// man pages and completions in place. Skipped without the package, except in CI.
final class InstalledPackageTests: XCTestCase {
    /// `/usr/bin/csar-check`, whose own share folder holds its scenarios (`CSAR_SCENARIOS` emptied).
    static func installed() throws -> SiteGateChecks.Binary {
        guard let path = ProcessInfo.processInfo.environment["CSAR_INSTALLED_BINARY"] else {
            let reason =
                "CSAR_INSTALLED_BINARY does not name an installed csar-check (scripts/test.sh installs one in CI)"
            if ProcessInfo.processInfo.environment["CI"] != nil { throw LocalServerError(message: reason) }
            throw XCTSkip(reason)
        }
        return SiteGateChecks.Binary(path: path, environment: ["CSAR_SCENARIOS": ""])
    }

    func testItFindsItsScenariosAndSaysWhich() throws {
        let binary = try Self.installed()
        let folder = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        let vars = try CommandLineRun.run(
            ["vars"], environment: binary.environment, directory: folder, executable: binary.path)
        XCTAssertEqual(vars.exitCode, 0, vars.output)
        XCTAssertTrue(
            vars.stdout.hasPrefix("Scenarios: /usr/share/csar-check/scenarios (installed with csar-check)"), vars.stdout
        )
        let validate = try CommandLineRun.run(
            ["validate"], environment: binary.environment, directory: folder, executable: binary.path)
        XCTAssertEqual(validate.exitCode, 0, validate.output)
        XCTAssertTrue(validate.stdout.contains("/usr/share/csar-check/scenarios/demande-form.yaml"), validate.stdout)
    }

    func testTheGatePassesOnLaravelWithoutAFileField() throws {
        try SiteGateChecks.laravelWithoutAFileField(try Self.installed())
    }

    func testTheGatePassesOnDjangoWithVariablesAndTagsOnly() throws {
        try SiteGateChecks.django(try Self.installed())
    }

    func testManPagesAndCompletionsAreInstalled() throws {
        _ = try Self.installed()
        for path in [
            "/usr/share/man/man1/csar-check.1.gz", "/usr/share/man/man1/csar-check.gate.1.gz",
            "/usr/share/bash-completion/completions/csar-check", "/usr/share/zsh/vendor-completions/_csar-check",
            "/usr/share/fish/vendor_completions.d/csar-check.fish", "/usr/share/doc/csar-check/copyright",
            "/usr/share/csar-check/scenarios/fixtures/piece-jointe.pdf",
        ] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: path), "\(path) is not installed")
        }
        let bash = try String(contentsOfFile: "/usr/share/bash-completion/completions/csar-check", encoding: .utf8)
        XCTAssertTrue(bash.contains("--suite") && bash.contains("--skip"), "the completion knows the gate's options")
    }

    /// The two CI snippets of the README, taken from it, run by a shell in a folder holding only the site's
    /// `.env.production` and its `artisan` (the Laravel stack's): the site is in maintenance with a secret, the
    /// gate passes behind it, writes its JUnit, and `php artisan up` brings the site back.
    func testTheREADMECISnippetsRunAsWritten() throws {
        let binary = try Self.installed()
        let stack = try LaravelStack.healthy()
        defer { try? stack.reset() }
        let readme = try String(
            contentsOf: RepositoryPaths.root.appendingPathComponent("README.md"), encoding: .utf8)
        let lines = readme.split(separator: "\n").map(String.init)
        let github = try XCTUnwrap(
            lines.first { $0.hasPrefix("  run: csar-check gate") }.map { String($0.dropFirst("  run: ".count)) })
        let gitlab = try XCTUnwrap(
            lines.first { $0.hasPrefix("    - csar-check gate") }.map { String($0.dropFirst("    - ".count)) })
        for (name, snippet) in [("GitHub Actions", github), ("GitLab CI", gitlab)] {
            try stack.down()
            let folder = try TemporaryFolder.make()
            defer { try? FileManager.default.removeItem(at: folder) }
            // The production site over TLS, its private CA and plain-HTTP origin named where a pipeline would.
            try ("APP_NAME=CSAR\nAPP_ENV=production\nAPP_URL=\(stack.httpsURL)\n" + stack.tlsSettingsForEnvFile).write(
                to: folder.appendingPathComponent(".env.production"), atomically: true, encoding: .utf8)
            try FileManager.default.createSymbolicLink(
                at: folder.appendingPathComponent("artisan"),
                withDestinationURL: RepositoryPaths.root.appendingPathComponent("Tests/LaravelSite/artisan"))
            let environment = stack.adminEnvironment.merging([
                "CSAR_BYPASS_SECRET": stack.bypassSecret, "CSAR_LARAVEL_RUNTIME": stack.runtime,
                "PATH": URL(fileURLWithPath: binary.path ?? "").deletingLastPathComponent().path + ":/usr/bin:/bin",
            ]) { $1 }
            let run = try Shell.run(snippet, directory: folder, environment: environment, timeout: 180)
            XCTAssertEqual(run.status, 0, "\(name): \(snippet)\n\(run.output)")
            XCTAssertTrue(run.output.contains("Maintenance mode bypassed"), "\(name):\n\(run.output)")
            XCTAssertTrue(
                FileManager.default.fileExists(atPath: folder.appendingPathComponent("Reports/junit.xml").path),
                "\(name): no Reports/junit.xml")
            XCTAssertTrue(try Validators.xmllint(folder.appendingPathComponent("Reports/junit.xml").path).ok)
            XCTAssertEqual(
                try Shell.status(of: stack.baseURL + "/"), 200, "\(name): `php artisan up` ran: the site is up")
        }
    }

    /// The crontab of docs/nightly.md — its four settings pointed at a temporary folder, the rest as written —
    /// run as cron runs it: `/bin/sh -c` with only HOME, LOGNAME, SHELL, PATH=/usr/bin:/bin and the crontab's
    /// own settings, against the real Laravel stack.
    func testTheCronLineOfTheNightlyDocRunsUnderCronsEnvironment() throws {
        let binary = try Self.installed()
        let stack = try LaravelStack.healthy()
        let folder = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        let doc = try String(
            contentsOf: RepositoryPaths.root.appendingPathComponent("docs/nightly.md"), encoding: .utf8)
        let block = try XCTUnwrap(
            doc.components(separatedBy: "```cron\n").dropFirst().first?.components(separatedBy: "```").first)
        var settings: [String: String] = [:]
        var command = ""
        for line in block.split(separator: "\n").map(String.init) {
            if let equals = line.firstIndex(of: "="), line.first?.isLetter == true, !line.contains(" ") {
                settings[String(line[..<equals])] = String(line[line.index(after: equals)...])
            } else if line.first?.isNumber == true {
                command = line.split(separator: " ", maxSplits: 5).last.map(String.init) ?? ""
            }
        }
        XCTAssertEqual(settings.keys.sorted(), ["CSAR_APP_ENV", "CSAR_CHECK", "CSAR_CREDENTIALS", "CSAR_NIGHTLY"])
        let credentials = folder.appendingPathComponent("nightly.env")
        try "CSAR_ADMIN_EMAIL=\(stack.adminEmail)\nCSAR_ADMIN_PASSWORD='\(stack.adminPassword)'\n".write(
            to: credentials, atomically: true, encoding: .utf8)
        let appEnv = folder.appendingPathComponent("app.env")
        try ("APP_URL=\(stack.httpsURL)\n" + stack.tlsSettingsForEnvFile).write(
            to: appEnv, atomically: true, encoding: .utf8)
        settings = [
            "CSAR_CHECK": binary.path ?? "", "CSAR_NIGHTLY": folder.path, "CSAR_APP_ENV": appEnv.path,
            "CSAR_CREDENTIALS": credentials.path,
        ]
        // cron turns `\%` into `%` and runs the rest with /bin/sh.
        let line = command.replacingOccurrences(of: "\\%", with: "%")
        let cronEnvironment = ["HOME": folder.path, "LOGNAME": "root", "SHELL": "/bin/sh", "PATH": "/usr/bin:/bin"]
        let run = try Shell.run(
            line, directory: folder, environment: cronEnvironment.merging(settings) { $1 }, timeout: 400,
            clearEnvironment: true)
        let log = (try? String(contentsOf: folder.appendingPathComponent("nightly.log"), encoding: .utf8)) ?? ""
        XCTAssertEqual(run.status, 0, "\(line)\n\(run.output)\n\(log)")
        XCTAssertTrue(log.contains("Nightly: PASSED (exit 0)"), log)
        let reports = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("reports").path)
        XCTAssertEqual(reports.count, 1, "one folder of reports, named by the date")
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("nightly.sqlite").path))
    }
}

/// `/bin/sh -c` for the tests that run a documented command line as written.
enum Shell {
    static func run(
        _ command: String, directory: URL, environment: [String: String], timeout: TimeInterval,
        clearEnvironment: Bool = false
    ) throws -> (status: Int32, output: String) {
        let inherited = clearEnvironment ? [:] : ProcessInfo.processInfo.environment
        return try BoundedProcess.run(
            "/bin/sh", ["-c", command], directory: directory,
            environment: inherited.merging(environment) { $1 }.merging(["NO_COLOR": "1"]) { $1 }, timeout: timeout)
    }

    /// The status code of a GET of `url`, by curl (at most 10 s).
    static func status(of url: String) throws -> Int {
        let run = try run(
            "curl -s -o /dev/null -m 10 -w '%{http_code}' '\(url)'", directory: URL(fileURLWithPath: "/"),
            environment: [:], timeout: 20)
        return Int(run.output) ?? 0
    }
}
