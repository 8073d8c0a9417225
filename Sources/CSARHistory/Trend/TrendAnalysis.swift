import CSARCheck
import Foundation

/// Reads the window of runs a trend looks at, builds every series, decides each, and sums up.
public struct TrendAnalysis: Sendable {
    /// Which runs to look at.
    public enum Window: Sendable, Equatable {
        /// The newest N runs (30 unless told).
        case last(Int)
        /// From this run (the baseline) to the newest.
        case from(Int64)
    }

    /// How many of the newest runs a trend looks at unless told (`--last`, `--baseline`).
    public static let defaultRuns = 30

    public var window: Window
    public var settings: TrendSettings
    /// Only the runs of this command (`nightly` judges nightly runs), or every run.
    public var command: String?

    public init(window: Window = .last(defaultRuns), settings: TrendSettings = TrendSettings(), command: String? = nil)
    {
        self.window = window
        self.settings = settings
        self.command = command
    }

    /// The trend of `runs` (all the history's runs, oldest first); `stop` ends it before it is judged.
    public func report(
        of runs: [RecordedRun], history: String, now: Date = Date(), stop: StopSignal? = nil
    ) throws(HistoryError) -> TrendReport {
        let (selected, description) = try select(try ofCommand(runs, history: history), history: history)
        let comparable = selected.filter(\.isComparable)
        let analyzer = SeriesAnalyzer(settings: settings)
        var series: [SeriesAnalysis] = []
        for one in TrendSeriesBuilder.series(of: comparable) {
            if stop?.isRequested == true {
                throw HistoryError(path: history, "the trend stopped before it was judged")
            }
            series.append(analyzer.analyze(one))
        }
        return TrendReport(
            tool: "csar-check \(CSARCheckVersion.current)", history: history, generatedAt: now, settings: settings,
            window: description, runs: selected.map(Self.summary), series: series,
            verdict: verdict(series, runs: selected, comparable: comparable.count))
    }

    /// The runs of `command`, or all. A command that none of the history's runs has is an error naming the
    /// ones recorded: a misspelt `--command` would otherwise judge nothing and pass for ever.
    private func ofCommand(_ runs: [RecordedRun], history: String) throws(HistoryError) -> [RecordedRun] {
        guard let command else { return runs }
        let matching = runs.filter { $0.command == command }
        guard matching.isEmpty, !runs.isEmpty else { return matching }
        let recorded = Set(runs.map(\.command)).sorted().map { "`\($0)`" }.joined(separator: ", ")
        throw HistoryError(
            path: history,
            "no `\(command)` run among its \(runs.count) run(s) (--command); it holds runs of \(recorded)")
    }

    /// Where run `id` is in `runs` (oldest first, all of one command when `command` is given); an id none of
    /// them has is an error naming the ones there are.
    public static func baseline(
        _ id: Int64, in runs: [RecordedRun], command: String?, history: String
    ) throws(HistoryError) -> Int {
        if let index = runs.firstIndex(where: { $0.id == id }) { return index }
        let kind = command.map { "`\($0)` " } ?? ""
        let ids = runs.map { "#\($0.id)" }
        let shown =
            ids.count <= 8
            ? ids.joined(separator: ", ") : (ids.prefix(3) + ["…"] + ids.suffix(3)).joined(separator: ", ")
        throw HistoryError(
            path: history,
            "no \(kind)run #\(id) to use as the baseline; "
                + (ids.isEmpty ? "none is recorded yet" : "the \(kind)runs recorded are \(shown)")
                + " (see `csar-check history list \(history)`)")
    }

    private func select(_ runs: [RecordedRun], history: String) throws(HistoryError) -> ([RecordedRun], String) {
        switch window {
        case .last(let count):
            let selected = Array(runs.suffix(max(1, count)))
            let kind = command.map { "`\($0)` " } ?? ""
            return (selected, "the last \(selected.count) \(kind)run(s) of \(runs.count)")
        case .from(let id):
            let start = try Self.baseline(id, in: runs, command: command, history: history)
            return (Array(runs[start...]), "\(runs.count - start) run(s) from the baseline run #\(id)")
        }
    }

    private func verdict(_ series: [SeriesAnalysis], runs: [RecordedRun], comparable: Int) -> TrendReport.Verdict {
        let findings = series.flatMap(\.findings)
        let regressions = findings.filter(\.isRegression)
        let improvements = findings.filter { !$0.isRegression }
        var notes: [String] = []
        if let latest = runs.last, !latest.isComparable {
            notes.append(
                "the latest run #\(latest.id) is left out (\(latest.interrupted ? "interrupted" : "exit \(latest.exitCode)")): "
                    + "the trend ends at the last comparable run")
        }
        let insufficient = series.filter { $0.verdict == .insufficientHistory }.count
        if insufficient > 0 && insufficient < series.count {
            notes.append("\(insufficient) of \(series.count) series have too few runs to judge")
        }
        if !regressions.isEmpty {
            let names = Set(regressions.map(\.seriesId)).count
            return .init(
                status: .regression, exitCode: 1,
                headline: "REGRESSION — \(names) of \(series.count) series got worse beyond tolerance",
                regressions: regressions, improvements: improvements, notes: notes)
        }
        if series.isEmpty || insufficient == series.count {
            let needed = min(settings.minimumRunsForChangePoints, settings.minimumReferenceRuns + 1)
            return .init(
                status: .insufficientHistory, exitCode: 0,
                headline: "NOT ENOUGH HISTORY — \(comparable) comparable run(s); the trend needs at least \(needed) "
                    + "(change points \(settings.minimumRunsForChangePoints))",
                regressions: [], improvements: improvements, notes: notes)
        }
        return .init(
            status: .noRegression, exitCode: 0,
            headline: "NO REGRESSION — \(series.count) series over \(comparable) run(s)"
                + (improvements.isEmpty ? "" : ", \(Set(improvements.map(\.seriesId)).count) improved"),
            regressions: [], improvements: improvements, notes: notes)
    }

    private static func summary(_ run: RecordedRun) -> TrendReport.RunSummary {
        TrendReport.RunSummary(
            id: run.id, startedAt: run.startedAt, command: run.command, target: run.target, labels: run.labels,
            exitCode: run.exitCode, headline: run.headline, comparable: run.isComparable,
            loads: run.loads.map {
                .init(
                    name: $0.name, requests: $0.requests, requestsPerSecond: $0.requestsPerSecond,
                    p50Micros: $0.p50Micros,
                    p95Micros: $0.p95Micros, p99Micros: $0.p99Micros, maxMicros: $0.maxMicros, errorRate: $0.errorRate)
            },
            steps: run.steps.map {
                .init(name: "\($0.scenario) › \($0.name)", outcome: $0.outcome, seconds: $0.totalSeconds)
            })
    }
}
