import CSARCheck
import Foundation

/// The exit status of scenario results, decided on the production path: the run judged by
/// `RunReportBuilder` (no criteria), its facts decided by `RunVerdict.decide`.
enum Verdicts {
    static func of(_ results: [ScenarioResult]) -> RunVerdict {
        let judged = RunReportBuilder(
            command: "run", target: results.first?.baseURL ?? "", startedAt: Date(), runCriteria: []
        )
        .judge(scenarios: [], results: results)
        return RunVerdict.decide(judged.facts)
    }

    /// The exit status of a load run judged by the runbook's criteria, as `csar-check load` judges it.
    static func of(load result: LoadResult) -> RunVerdict {
        let judged = RunReportBuilder(command: "load", target: "", startedAt: Date(), runCriteria: RunbookCriteria.all)
            .judge(scenarios: [], results: [], loads: [.init(name: "load", result: result)])
        return RunVerdict.decide(judged.facts)
    }
}
