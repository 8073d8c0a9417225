import Foundation
import XCTest

/// The shipped gate against the real Laravel stack, run as a deployment pipeline runs it: the built binary,
/// `gate --base-url https://…` on the stack's hardened TLS server (production checks included), with only the
/// administrator's credentials (and the bypass secret when the site is down for the deployment). Green on the healthy site; each fault turns it red at the step that checks it.
final class LaravelGateTests: XCTestCase {
    private func gate(
        _ stack: LaravelStack, bypass: Bool = false, load: Bool = true
    ) throws -> (run: CommandLineRun, junit: JUnitCases) {
        let reports = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(at: reports) }
        var arguments = ["gate", "--reports", reports.path] + stack.httpsArguments
        if bypass { arguments += ["--bypass-secret", stack.bypassSecret] }
        if !load { arguments.append("--no-load") }
        let run = try CommandLineRun.run(arguments, environment: stack.adminEnvironment, timeout: 180)
        return (run, try JUnitCases(file: reports.appendingPathComponent("junit.xml")))
    }

    func testGatePassesOnRealLaravel() throws {
        let stack = try LaravelStack.healthy()
        let (run, junit) = try gate(stack)
        XCTAssertEqual(run.exitCode, 0, run.output)
        XCTAssertEqual(junit.red.map(\.title), [], run.output)
        XCTAssertGreaterThanOrEqual(junit.passed.filter { $0.classname != "criteria" }.count, 20, run.output)
        XCTAssertTrue(run.stdout.contains("✔ PASSED"), run.stdout)
    }

    /// The deployment as the runbook has it: `php artisan down --secret=…`, the gate with that secret, then up.
    func testGatePassesBehindArtisanDownWithTheBypassSecret() throws {
        let stack = try LaravelStack.healthy()
        try stack.down()
        defer { try? stack.reset() }
        let (run, junit) = try gate(stack, bypass: true)
        XCTAssertEqual(run.exitCode, 0, run.output)
        XCTAssertEqual(junit.red.map(\.title), [], run.output)
        XCTAssertTrue(run.stdout.contains("Maintenance mode bypassed"), run.stdout)
        XCTAssertFalse(run.output.contains(stack.bypassSecret), "the bypass secret must be masked")
    }

    /// Each fault of the stack and the first red testcase it must give (shared with `SiteGateChecks`).
    static let faults: [(fault: String, firstRed: String)] = [
        ("500:/api/warehouses", "smoke › Warehouse API answers JSON (curl -I /api/warehouses)"),
        // Laravel runs `auth` before our fault middleware: a guest still gets the 302, only the logged-in
        // dashboard crashes.
        ("500:/admin", "admin-login › Dashboard is the logged-in page"),
        ("500:POST /demande", "demande-form › Valid request is accepted"),
        ("500:POST /login", "admin-login › Wrong password is refused with the error shown"),
        ("latency:/carte=2500", "warehouse-map › Map page loads and uses the API"),
        ("warehouses:broken-json", "warehouse-map › Warehouse API answers a valid list"),
        ("warehouses:empty", "warehouse-map › Warehouse API answers a valid list"),
        ("warehouses:outside-senegal", "warehouse-map › Warehouse API answers a valid list"),
        ("warehouses:duplicate-ids", "warehouse-map › Warehouse API answers a valid list"),
        ("warehouses:non-numeric-coordinates", "warehouse-map › Warehouse API answers a valid list"),
        ("latency:/=2500", "smoke › Home page answers (curl -I /)"),
        ("csrf:off", "demande-form › Request without a CSRF token is refused"),
    ]

    /// Each fault, switched at run time on the running site, makes the gate exit 1 and the first red JUnit
    /// testcase is the step that checks what broke.
    func testEachFaultTurnsTheGateRedAtTheRightTestcase() throws {
        let stack = try LaravelStack.healthy()
        for (fault, firstRed) in Self.faults {
            try stack.reset()
            try stack.fault(fault)
            let (run, junit) = try gate(stack, load: false)
            XCTAssertEqual(run.exitCode, 1, "\(fault): \(run.output)")
            XCTAssertEqual(junit.red.first?.title, firstRed, "\(fault): \(junit.red.map(\.title))")
            print("fault \(fault): exit \(run.exitCode), first red testcase \(junit.red.first?.title ?? "none")")
        }
        try stack.reset()
    }

    /// `php artisan down` without the secret given to the gate: red from the first page that must answer
    /// something other than 503 on (the production checks' forced 404, which comes first), and every smoke check.
    func testGateGoesRedOnASiteInMaintenance() throws {
        let stack = try LaravelStack.healthy()
        try stack.down()
        defer { try? stack.reset() }
        let (run, junit) = try gate(stack)
        XCTAssertEqual(run.exitCode, 1, run.output)
        XCTAssertEqual(
            junit.red.first?.title, "production › Debug off: a page that does not exist shows no debug page", run.output
        )
        XCTAssertTrue(junit.red.map(\.title).contains("smoke › Home page answers (curl -I /)"), run.output)
        XCTAssertTrue(run.stdout.contains("most likely in maintenance mode"), run.stdout)
    }

    /// A site whose request form has no file field, checked with `--var attachment_field=` from an empty folder.
    func testGatePassesOnLaravelWithoutAFileFieldByVariableOnly() throws {
        try SiteGateChecks.laravelWithoutAFileField(.built)
    }
}
