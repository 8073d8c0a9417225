import ArgumentParser
import CSARCheck
import CSARHistory
import Foundation

/// `csar-check nightly --history FILE`: the command a nightly CI job calls. Runs the gate and the nightly
/// load (a scenario or a suite of them), records the run, judges the trend of the nightly runs, writes every
/// report, and exits once.
struct NightlyCommand: AsyncParsableCommand, SendsRequests {
    static let configuration = CommandConfiguration(
        commandName: "nightly",
        abstract: "Run the gate and the nightly load, record the run, judge the trend, write all reports.",
        discussion: """
            Runs gate.yaml, load-home.yaml and the suite nightly-load.yaml of the scenarios folder (the \
            home page at 20 req/s, then the warehouse API at 30 req/min, within Laravel's default throttle:api) \
            against the target, records the run in --history FILE (created on first use: keep it between jobs as \
            a cache or an artifact), then judges the trend of the nightly runs recorded there. Reports: junit.xml, \
            report.json, report.html, trend.html, trend-junit.xml, trend.json. A --baseline is checked against \
            the history before anything is sent. Exit codes: 0 the gate passed and no regression, 1 a check \
            failed or a regression, 2 usage error or an unusable history file, 3 the target could not be \
            reached, 130 interrupted (during the run or the trend: the trend is then not judged).
            """
    )

    @OptionGroup var gate: GateFiles

    @Option(
        name: .long,
        help: "The nightly load, a scenario or a suite, in the scenarios folder or given by path.")
    var nightly = "nightly-load.yaml"

    @OptionGroup var target: TargetOptions
    var maxTime: DurationArgument? { target.connection.maxTime }
    @OptionGroup var report: ReportOptions
    @OptionGroup var history: HistoryOptions
    @OptionGroup var trend: TrendOptions

    func run() async throws {
        guard history.history != nil else { throw ValidationError("nightly needs --history FILE to record the run in") }
        var analysis = try trend.analysis()
        analysis.command = "nightly"
        if let baseline = trend.baseline, let path = history.history { try Self.check(baseline: baseline, in: path) }
        let recorder = try history.open()
        let configuration = try await target.runConfiguration()
        let outcome = try await ScenarioExecution.execute(
            .shipped(
                command: "nightly", folder: gate.folder.locate(),
                files: { gate.files(in: $0) + [ScenarioFolderOption.file(nightly, in: $0)] },
                configuration: configuration, reports: report.directory, runCriteria: RunbookCriteria.all,
                history: recorder
            ))
        guard let store = recorder?.store, let run = outcome.recordedRun else {
            throw ExitCode(outcome.verdict.rawValue)
        }
        let notJudged = "run #\(run) is recorded; the trend was not judged and no trend report written"
        if let signal = InterruptSignal.receivedName {
            print("\nNightly: INTERRUPTED (exit 130)")
            throw CommandFailure(message: "interrupted by \(signal): \(notJudged)", verdict: .interrupted)
        }
        let trendReport: TrendReport
        do {
            // Read through a read-only store of its own, which a signal stops mid-read.
            trendReport = try TrendOptions.report(analysis, of: try HistoryCommand.open(store.path), stopped: notJudged)
        } catch let failure as CommandFailure where failure.verdict == .interrupted {
            print("\nNightly: INTERRUPTED (exit 130)")
            throw failure
        }
        print(TrendVerdictText.render(trendReport), terminator: "")
        let written = report.directory.map { TrendOptions.write(trendReport, directory: $0) } ?? true
        var exit = Self.exitCode(run: outcome.verdict, trend: trendReport.verdict.exitCode)
        if !written && exit == 0 { exit = RunVerdict.configurationError.rawValue }
        if InterruptSignal.receivedName != nil { exit = RunVerdict.interrupted.rawValue }
        print(
            exit == 0
                ? "\nNightly: PASSED (exit 0)"
                : exit == RunVerdict.interrupted.rawValue
                    ? "\nNightly: INTERRUPTED (exit 130)" : "\nNightly: FAILED (exit \(exit))")
        if exit != 0 { throw ExitCode(exit) }
    }

    /// Refuses, before anything is sent, a baseline that is not one of the history's nightly runs, naming
    /// the ones there are: the trend would refuse it only after the whole run.
    static func check(baseline: Int64, in path: String) throws {
        try HistoryCommand.reading { () throws(HistoryError) in
            let runs =
                FileManager.default.fileExists(atPath: path)
                ? try HistoryStore(readingAt: path).runs(.summary).filter { $0.command == "nightly" } : []
            _ = try TrendAnalysis.baseline(baseline, in: runs, command: "nightly", history: path)
        }
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
