import ArgumentParser
import CSARCheck

/// `csar-check run FILE…`: runs any scenario files against the target.
struct RunCommand: AsyncParsableCommand, SendsRequests {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run scenario files (or every .yaml file of a folder) against the target."
    )

    @Argument(help: "Scenario files or folders.")
    var files: [String]

    @OptionGroup var target: TargetOptions
    @OptionGroup var report: ReportOptions
    @OptionGroup var history: HistoryOptions

    func run() async throws {
        let recorder = try history.open()
        try await ScenarioExecution.run(
            .init(
                command: "run", files: files, configuration: try await target.runConfiguration(),
                reports: report.directory,
                history: recorder
            ))
    }
}
