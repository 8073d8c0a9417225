import CSARCheck
import Foundation

/// Runs a load plan on the calling thread, with SIGINT, SIGTERM and SIGHUP wired to a clean stop, and writes the reports.
enum LoadExecution {
    /// The first signal stops the run and the partial result comes back; a second one exits at once.
    /// Blocking, and starts no thread of its own for a single-lane plan (see `LoadEngine.run`).
    static func run(_ plan: LoadPlan, progress: LoadProgressLine?) throws(LoadPlanError) -> LoadResult {
        let stop = InterruptSignal.install()
        let result = try LoadEngine.run(plan, stop: stop) { snapshot, elapsed in
            progress?.update(snapshot, elapsed: elapsed)
        }
        progress?.clear()
        // A token in the URL's query (`?signature=…`) is not shown in the summary or the reports.
        return result.masked(by: SecretMasker())
    }

    /// The run judged by the runbook's criteria, as the gate judges its load (`RunReportBuilder`).
    static func judge(_ result: LoadResult, url: String) -> JudgedRun {
        let shown = SecretMasker().maskURL(url)
        let builder = RunReportBuilder(
            command: "load", target: shown, startedAt: result.startedAt, runCriteria: RunbookCriteria.all
        )
        return builder.judge(
            scenarios: [], results: [], loads: [.init(name: shown, result: result)],
            notes: MaintenanceMode.notice(forLoad: result, url: url).map { [$0] } ?? [],
            interrupted: result.stopReason == .interrupted
        )
    }
}
