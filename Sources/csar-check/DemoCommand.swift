import ArgumentParser
import CSARCheck
import DemoSite
import Foundation

/// `csar-check demo`: starts the embedded CSAR look-alike on a free loopback port, over HTTPS with a certificate
/// from a CA made for the run (and a plain-HTTP port redirecting to it), with the services its side effects go
/// to (a mail catcher, an SMS double, a Pusher server), and runs the gate against it — the production checks,
/// the functional suite, the side effects, the load run, the criteria, all reports — with no site needed.
struct DemoCommand: AsyncParsableCommand, SendsRequests {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Run the gate against the embedded demo site and write the reports."
    )

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Inject a fault into the demo site (repeatable), e.g. 500:/api/warehouses.", valueName: "spec"))
    var fault: [String] = []

    @OptionGroup var gate: GateFiles
    @OptionGroup var selection: SelectionOptions
    @OptionGroup var report: ReportOptions
    @OptionGroup var history: HistoryOptions

    func run() async throws {
        let recorder = try history.open()
        let faults = DemoFaults()
        for spec in fault {
            do { try faults.apply(spec: spec) } catch { throw ValidationError("--fault \(spec): \(error)") }
        }
        let https = try DemoHTTPS.make()
        defer { https.remove() }
        let sideEffects = try await DemoSideEffects.start()
        var siteConfiguration = DemoSiteConfiguration()
        sideEffects.configure(&siteConfiguration)
        https.configure(&siteConfiguration)
        let site: RunningDemoSite
        do {
            site = try await DemoSite.start(siteConfiguration, faults: faults)
        } catch {
            await sideEffects.stop()
            throw error
        }
        print(
            "Demo site listening on \(site.baseURL) (administrator: \(siteConfiguration.adminEmail) / "
                + "\(siteConfiguration.adminPassword), a demo account)")
        print(
            "  its certificate comes from a CA made for this run, trusted as --cacert \(https.caCertificateFile.path)"
                + (site.plainHTTPBaseURL.map { "; \($0) redirects to it" } ?? ""))
        // The demo's own admin account stands in for the credentials a deployment exports.
        let environment = ProcessInfo.processInfo.environment.merging(
            [
                "CSAR_ADMIN_EMAIL": siteConfiguration.adminEmail,
                "CSAR_ADMIN_PASSWORD": siteConfiguration.adminPassword,
            ].merging(sideEffects.environment(siteURL: site.baseURL)) { $1 }
        ) { _, demo in demo }
        var configuration = RunConfiguration(
            baseURL: site.baseURL, environment: environment,
            transfer: TransferOptions(caCertificatePath: https.caCertificateFile.path), secrets: sideEffects.secrets)
        // production.yaml's HTTPS-redirect check goes to the demo's plain-HTTP port, not to port 80.
        if let plainHTTP = site.plainHTTPBaseURL { configuration.variables["http_base_url"] = plainHTTP }
        configuration.selection = selection.selection
        let request = ScenarioExecution.Request.shipped(
            command: "demo", folder: gate.folder.locate(), files: gate.files(in:), configuration: configuration,
            reports: report.directory, runCriteria: RunbookCriteria.all, history: recorder
        )
        do {
            try await ScenarioExecution.run(request)
        } catch {
            await site.stop()
            await sideEffects.stop()
            throw error
        }
        await site.stop()
        await sideEffects.stop()
    }
}
