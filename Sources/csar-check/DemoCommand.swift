import ArgumentParser
import CSARCheck
import DemoSite

/// `csar-check demo`: starts the embedded CSAR look-alike on a free loopback port and runs the shipped
/// scenarios against it, writing the reports — the whole product in one command, no site needed.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Run the shipped scenarios against the embedded demo site and write the reports."
    )

    @Option(name: .long, help: "Folder holding the shipped scenarios.")
    var scenarios = "Scenarios"

    @Option(name: .long, help: ArgumentHelp("Inject a fault into the demo site (repeatable), e.g. 500:/api/warehouses.", valueName: "spec"))
    var fault: [String] = []

    @OptionGroup var report: ReportOptions

    func run() async throws {
        let faults = DemoFaults()
        for spec in fault {
            do { try faults.apply(spec: spec) } catch { throw ValidationError("--fault \(spec): \(error)") }
        }
        let site = try await DemoSite.start(DemoSiteConfiguration(), faults: faults)
        print("Demo site listening on \(site.baseURL)")
        let configuration = RunConfiguration(baseURL: site.baseURL)
        do {
            try await ScenarioExecution.run(files: ["\(scenarios)/smoke.yaml"], configuration: configuration, reports: report.directory)
        } catch {
            await site.stop()
            throw error
        }
        await site.stop()
    }
}
