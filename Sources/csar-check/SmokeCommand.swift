import ArgumentParser
import CSARCheck

/// `csar-check smoke`: the runbook's smoke checks (`curl -I` on /, /admin, /api/warehouses).
struct SmokeCommand: AsyncParsableCommand, SendsRequests {
    static let configuration = CommandConfiguration(
        commandName: "smoke", abstract: "Run the shipped smoke checks (Scenarios/smoke.yaml) against the target."
    )

    @Option(name: .long, help: "Folder holding the shipped scenarios.")
    var scenarios = "Scenarios"

    @OptionGroup var target: TargetOptions
    @OptionGroup var report: ReportOptions

    func run() async throws {
        try await ScenarioExecution.run(
            .init(
                command: "smoke", files: ["\(scenarios)/smoke.yaml"],
                configuration: try await target.runConfiguration(),
                reports: report.directory
            ))
    }
}
