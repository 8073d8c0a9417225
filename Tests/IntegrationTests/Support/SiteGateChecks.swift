import Foundation
import XCTest

/// The shipped gate run from an empty folder against a real site shaped unlike the demo — the real Laravel
/// stack with its request form's file field removed, the Django site — changed by `--var`, tags and the
/// environment only: green on the healthy site, and each fault red at the testcase that checks what broke.
/// Run with the built binary by the site tests, and with the installed Debian package by
/// `InstalledPackageTests`.
enum SiteGateChecks {
    /// A binary under test: the built one (`nil`) or an installed one, and the environment it runs with.
    struct Binary {
        var path: String?
        var environment: [String: String]

        /// The built binary, finding the repository's scenarios through `CSAR_SCENARIOS` as an installed one
        /// finds its own.
        static let built = Binary(
            path: nil, environment: ["CSAR_SCENARIOS": RepositoryPaths.root.appendingPathComponent("Scenarios").path])
    }

    /// The gate from an empty folder: its exit code, output and JUnit testcases.
    static func gate(
        _ binary: Binary, baseURL: String, arguments: [String], environment: [String: String], load: Bool = true
    ) throws -> (run: CommandLineRun, junit: JUnitCases) {
        let folder = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CommandLineRun.run(
            ["gate", "--base-url", baseURL] + (load ? [] : ["--no-load"]) + arguments,
            environment: binary.environment.merging(environment) { _, given in given }, timeout: 180,
            directory: folder, executable: binary.path)
        return (run, try JUnitCases(file: folder.appendingPathComponent("Reports/junit.xml")))
    }

    /// The Laravel stack's TLS server with `form:no-attachment`: the gate with `--var attachment_field=` is green;
    /// each fault of `LaravelGateTests` turns it red at the same testcase.
    static func laravelWithoutAFileField(_ binary: Binary, file: StaticString = #filePath, line: UInt = #line) throws {
        let stack = try LaravelStack.healthy()
        defer { try? stack.reset() }
        try stack.fault("form:no-attachment")
        // The hardened TLS server, production checks included: the pipeline's gate on a production site.
        let arguments =
            ["--var", "attachment_field=", "--cacert", stack.certificateAuthority]
            + ["--var", "http_base_url=\(stack.httpRedirectURL)"]
        let (run, junit) = try gate(
            binary, baseURL: stack.httpsURL, arguments: arguments, environment: stack.adminEnvironment)
        XCTAssertEqual(run.exitCode, 0, run.output, file: file, line: line)
        XCTAssertEqual(junit.red.map(\.title), [], run.output, file: file, line: line)
        XCTAssertEqual(
            // The side effects are not run either: this gate has none of their settings.
            junit.cases.filter { $0.outcome == .skipped && $0.classname != "side-effects" }.map(\.name),
            [
                "Request form loads again for an attachment", "Request with an attachment is accepted",
                "Confirmation lists the attachment",
            ], file: file, line: line)
        for (fault, firstRed) in LaravelGateTests.faults {
            try stack.reset()
            try stack.fault("form:no-attachment", fault)
            let (red, junit) = try gate(
                binary, baseURL: stack.httpsURL, arguments: arguments, environment: stack.adminEnvironment, load: false)
            XCTAssertEqual(red.exitCode, 1, "\(fault): \(red.output)", file: file, line: line)
            XCTAssertEqual(
                junit.red.first?.title, firstRed, "\(fault): \(junit.red.map(\.title))", file: file, line: line)
        }
    }

    /// The Django site: the gate with `DjangoSite.gateArguments` is green (load included); each fault, and a
    /// wrong password, turns it red at the testcase that checks it.
    static func django(_ binary: Binary, file: StaticString = #filePath, line: UInt = #line) throws {
        let site = try DjangoSite.start()
        defer { site.stop() }
        let (run, junit) = try gate(
            binary, baseURL: site.baseURL, arguments: DjangoSite.gateArguments, environment: site.adminEnvironment)
        XCTAssertEqual(run.exitCode, 0, run.output, file: file, line: line)
        XCTAssertEqual(junit.red.map(\.title), [], run.output, file: file, line: line)
        XCTAssertGreaterThanOrEqual(junit.passed.filter { $0.classname != "criteria" }.count, 16, run.output)
        let faults: [(fault: String, firstRed: String)] = [
            (#"{"server_error": ["/api/entrepots/"]}"#, "smoke › Warehouse API answers JSON (curl -I /api/warehouses)"),
            (#"{"server_error": ["/admin/"]}"#, "smoke › Admin answers or redirects to the login (curl -I /admin)"),
            (#"{"server_error": ["POST /demandes/nouvelle/"]}"#, "demande-form › Valid request is accepted"),
            (#"{"latency": {"/carte/": 2500}}"#, "warehouse-map › Map page loads and uses the API"),
            (#"{"warehouses": "outside-senegal"}"#, "warehouse-map › Warehouse API answers a valid list"),
            (#"{"warehouses": "empty"}"#, "warehouse-map › Warehouse API answers a valid list"),
            (#"{"warehouses": "broken-json"}"#, "warehouse-map › Warehouse API answers a valid list"),
            (#"{"csrf": "off"}"#, "demande-form › Request without a CSRF token is refused"),
        ]
        for (fault, firstRed) in faults {
            try site.fault(fault)
            let (red, junit) = try gate(
                binary, baseURL: site.baseURL, arguments: DjangoSite.gateArguments,
                environment: site.adminEnvironment, load: false)
            XCTAssertEqual(red.exitCode, 1, "\(fault): \(red.output)", file: file, line: line)
            XCTAssertEqual(
                junit.red.first?.title, firstRed, "\(fault): \(junit.red.map(\.title))", file: file, line: line)
        }
        try site.fault("{}")
        var wrongPassword = site.adminEnvironment
        wrongPassword["CSAR_ADMIN_PASSWORD"] = "not-\(site.adminPassword)"
        let (refused, refusedJUnit) = try gate(
            binary, baseURL: site.baseURL, arguments: DjangoSite.gateArguments, environment: wrongPassword, load: false)
        XCTAssertEqual(refused.exitCode, 1, refused.output, file: file, line: line)
        XCTAssertEqual(refusedJUnit.red.first?.title, "admin-login › Right credentials log in", file: file, line: line)
        XCTAssertTrue(
            refused.stdout.contains("hint: the site refused the login"), refused.stdout, file: file, line: line)
    }
}
