import ArgumentParser
import CSARCheck
import DemoSite
import Foundation

/// `csar-check demo`: starts the embedded CSAR look-alike on a free loopback port, with the services its side
/// effects go to (a mail catcher, an SMS double, a Pusher server), and runs the gate against it — the
/// functional suite, the side effects, the load run, the criteria, all reports — with no site needed.
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
        let sideEffects = try await DemoSideEffects.start()
        var siteConfiguration = DemoSiteConfiguration()
        sideEffects.configure(&siteConfiguration)
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
        // The demo's own admin account stands in for the credentials a deployment exports.
        let environment = ProcessInfo.processInfo.environment.merging(
            [
                "CSAR_ADMIN_EMAIL": siteConfiguration.adminEmail,
                "CSAR_ADMIN_PASSWORD": siteConfiguration.adminPassword,
            ].merging(sideEffects.environment(siteURL: site.baseURL)) { $1 }
        ) { _, demo in demo }
        var configuration = RunConfiguration(
            baseURL: site.baseURL, environment: environment, secrets: sideEffects.secrets)
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
