import ArgumentParser
import CSARCheck
import CSARHistory
import Foundation

/// `csar-check trend FILE`: every tracked series of a history, a regression verdict, and its reports.
struct TrendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trend",
        abstract: "Judge the runs of a history file: regressions, improvements, and the trend reports.",
        discussion: """
            Tracks per load section p50, p95, p99, max, req/s, error rate and unexpected-status rate, and per \
            step its duration. A regression is both larger than its tolerance and statistically real: a change \
            point over the series (E-divisive means with a permutation test, as Apache Otava), or the latest run \
            outside the spread of the runs before it (recorded histograms compared). Writes trend.html, \
            trend-junit.xml and trend.json. The history file is only read (it may lie on read-only media). \
            Exit codes: 0 no regression (or too little history to tell), 1 a regression, 2 usage error or a \
            history file that cannot be read, 130 interrupted (SIGINT, SIGTERM, SIGHUP).
            """
    )

    @Argument(help: "The history file.") var file: String
    @OptionGroup var trend: TrendOptions
    @OptionGroup var report: ReportOptions

    func run() throws {
        _ = try ScenarioExecution.reportWriter(report.directory)
        let store = try HistoryCommand.open(file)
        let report = try trend.evaluate(store)
        print(TrendVerdictText.render(report), terminator: "")
        let written = self.report.directory.map { TrendOptions.write(report, directory: $0) } ?? true
        // As for every command: a regression says more than missing reports, which are no pass for CI.
        if report.verdict.exitCode != 0 { throw ExitCode(report.verdict.exitCode) }
        if !written { throw ExitCode(RunVerdict.configurationError.rawValue) }
    }
}

/// How a trend picks its runs and decides, shared by `trend` and `nightly`.
struct TrendOptions: ParsableArguments {
    @Option(
        name: .long, help: ArgumentHelp("Compare with this run and the ones after it (its number).", valueName: "run"))
    var baseline: Int64?

    @Option(name: .long, help: "Look at the newest N runs (default \(TrendAnalysis.defaultRuns)).")
    var last: Int?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Tolerance of a metric (repeatable): p50, p95, p99, max, rps, step as a percentage (p95=25%); "
                + "error-rate, unexpected-rate in percentage points (error-rate=0.5%, 0 = any increase).",
            valueName: "metric=value"))
    var tolerance: [String] = []

    @Option(name: .long, help: "Significance level of the change-point test, per series (default 0.01).")
    var alpha: Double?

    @Option(
        name: .long,
        help: ArgumentHelp("Only the runs of this command (gate, run, load, demo, nightly).", valueName: "name"))
    var command: String?

    func analysis() throws -> TrendAnalysis {
        if baseline != nil && last != nil {
            throw ValidationError("--baseline and --last choose the runs two ways: give one")
        }
        var settings = TrendSettings()
        if let alpha {
            guard alpha > 0 && alpha < 0.5 else { throw ValidationError("--alpha must be between 0 and 0.5") }
            settings.alpha = alpha
        }
        for pair in tolerance {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let metric = TrendMetric.allCases.first(where: { $0.key == parts[0] }) else {
                let keys = TrendMetric.allCases.map(\.key).joined(separator: ", ")
                throw ValidationError("--tolerance expects metric=value with a metric among \(keys), got '\(pair)'")
            }
            let text = parts[1].hasSuffix("%") ? String(parts[1].dropLast()) : parts[1]
            guard
                let number = Double(text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "+", with: "")),
                number.isFinite, number >= 0
            else { throw ValidationError("--tolerance \(pair): the value is a percentage such as 20% or 0.5%") }
            var value = settings.tolerance(for: metric)
            if metric.isRate { value.absolute = number / 100 } else { value.relative = number / 100 }
            settings.tolerances[metric.key] = value
        }
        if let last, last < 2 { throw ValidationError("--last must be at least 2") }
        return TrendAnalysis(
            window: baseline.map { .from($0) } ?? .last(last ?? TrendAnalysis.defaultRuns), settings: settings,
            command: command)
    }

    /// The trend of the file's runs; an unreadable file or an unknown baseline is exit code 2.
    func evaluate(_ store: HistoryStore) throws -> TrendReport {
        try Self.report(try analysis(), of: store)
    }

    /// `analysis` of the file's runs; an unreadable file or an unknown baseline is exit code 2, a signal
    /// (which stops it) 130 saying `stopped`.
    static func report(
        _ analysis: TrendAnalysis, of store: HistoryStore,
        stopped: String = "the trend was not judged and no trend report written; the history is unchanged"
    ) throws -> TrendReport {
        try HistoryCommand.reading(stopped: stopped) { () throws(HistoryError) in
            try analysis.report(of: try store.runs(), history: store.path, stop: InterruptSignal.stop)
        }
    }

    /// Writes the trend's reports and says where; false (after saying why) when one could not be written.
    static func write(_ report: TrendReport, directory: String) -> Bool {
        let outcome = TrendReportWriter(directory: directory).write(report)
        for path in outcome.written { print("Report: \(path)") }
        for error in outcome.errors { ScenarioExecution.printError("error: \(error)") }
        return outcome.errors.isEmpty
    }
}
