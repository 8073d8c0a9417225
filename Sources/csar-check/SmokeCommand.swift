import ArgumentParser
import CSARCheck

/// `csar-check smoke`: the runbook's smoke checks (`curl -I` on /, /admin, /api/warehouses).
struct SmokeCommand: AsyncParsableCommand, SendsRequests {
    static let configuration = CommandConfiguration(
        commandName: "smoke", abstract: "Run the shipped smoke checks (smoke.yaml) against the target."
    )

    @OptionGroup var folder: ScenarioFolderOption
    @OptionGroup var target: TargetOptions
    var maxTime: DurationArgument? { target.connection.maxTime }
    @OptionGroup var report: ReportOptions

    func run() async throws {
        let configuration = try await target.runConfiguration()
        try await ScenarioExecution.run(
            .shipped(
                command: "smoke", folder: folder.locate(), files: { [ScenarioFolderOption.file("smoke.yaml", in: $0)] },
                configuration: configuration, reports: report.directory
            ))
    }
}
