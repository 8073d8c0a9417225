import ArgumentParser
import CSARCheck

/// `csar-check gate`: the one command a deployment pipeline runs before `php artisan up` — the functional
/// suite, then a short load run, every criterion evaluated, all reports written; exit 0 only if all passed.
struct GateCommand: AsyncParsableCommand, SendsRequests {
    static let configuration = CommandConfiguration(
        commandName: "gate",
        abstract: "Run the functional suite and a short load test, check the criteria, write the reports.",
        discussion: """
            Needs an explicit target (--base-url, CSAR_BASE_URL or --env-file with APP_URL); it never falls back \
            to the demo site. Criteria default to the runbook's: \(RunbookCriteria.summary) (error_rate: no \
            response or an unexpected status, e.g. 429). A suite file's `criteria:` replace them for the files it \
            lists; the runbook's still judge the load run and any file outside such a suite.
            Example: csar-check gate --env-file .env.production --bypass-secret "$SECRET" && php artisan up
            """
    )

    @OptionGroup var gate: GateFiles
    @OptionGroup var target: TargetOptions
    var maxTime: DurationArgument? { target.connection.maxTime }
    @OptionGroup var report: ReportOptions
    @OptionGroup var history: HistoryOptions

    func run() async throws {
        let recorder = try history.open()
        let configuration = try await target.runConfiguration()
        try await ScenarioExecution.run(
            .shipped(
                command: "gate", folder: gate.folder.locate(), files: gate.files(in:), configuration: configuration,
                reports: report.directory, runCriteria: RunbookCriteria.all, history: recorder
            ))
    }
}
