import ArgumentParser
import CSARCheck
import CSARHistory
import Foundation

/// `csar-check nightly --history FILE`: the command a nightly CI job calls. Runs the gate and the nightly
/// load (a scenario or a suite of them), records the run, judges the trend of the nightly runs, writes every
/// report, and exits once.
struct NightlyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nightly",
        abstract: "Run the gate and the nightly load, record the run, judge the trend, write all reports.",
        discussion: """
            Runs gate.yaml, load-home.yaml and the suite nightly-load.yaml of the scenarios folder (the \
            home page at 20 req/s, then the warehouse API at 30 req/min, within Laravel's default throttle:api) \
            against the target, records the run in --history FILE (created on first use: keep it between jobs as \
            a cache or an artifact), then judges the trend of the nightly runs recorded there. Reports: junit.xml, \
            report.json, report.html, trend.html, trend-junit.xml, trend.json. Exit codes: 0 the gate passed and \
            no regression, 1 a check failed or a regression, 2 usage error or an unusable history file, 3 the \
            target could not be reached, 130 interrupted.
            """
    )

    @OptionGroup var gate: GateFiles

    @Option(
        name: .long,
        help: "The nightly load, a scenario or a suite, in the scenarios folder or given by path.")
    var nightly = "nightly-load.yaml"

    @OptionGroup var target: TargetOptions
    @OptionGroup var report: ReportOptions
    @OptionGroup var history: HistoryOptions
    @OptionGroup var trend: TrendOptions

    func run() async throws {
        guard history.history != nil else { throw ValidationError("nightly needs --history FILE to record the run in") }
        var analysis = try trend.analysis()
        analysis.command = "nightly"
        let recorder = try history.open()
        let configuration = try await target.runConfiguration()
        let outcome = try await ScenarioExecution.execute(
            .shipped(
                command: "nightly", folder: gate.folder.locate(),
                files: { gate.files(in: $0) + [ScenarioFolderOption.file(nightly, in: $0)] },
                configuration: configuration, reports: report.directory, runCriteria: RunbookCriteria.all,
                history: recorder
            ))
        guard let store = recorder?.store, outcome.recordedRun != nil else { throw ExitCode(outcome.verdict.rawValue) }
        let trendReport = try TrendOptions.report(analysis, of: store)
        print(TrendVerdictText.render(trendReport), terminator: "")
        let written = report.directory.map { TrendOptions.write(trendReport, directory: $0) } ?? true
        var exit = Self.exitCode(run: outcome.verdict, trend: trendReport.verdict.exitCode)
        if !written && exit == 0 { exit = RunVerdict.configurationError.rawValue }
        print(exit == 0 ? "\nNightly: PASSED (exit 0)" : "\nNightly: FAILED (exit \(exit))")
        if exit != 0 { throw ExitCode(exit) }
    }

    /// One exit code for both: a usage error, an unreachable target or an interrupted run says more than
    /// a failed check or a regression.
    static func exitCode(run: RunVerdict, trend: Int32) -> Int32 {
        switch run {
        case .passed, .failed: max(run.rawValue, trend)
        case .configurationError, .unreachable, .interrupted: run.rawValue
        }
    }
}
