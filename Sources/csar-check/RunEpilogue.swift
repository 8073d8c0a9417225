import CSARCheck
import Foundation

/// How every command that sends requests ends — `run`, `smoke`, `gate`, `nightly`, `demo` and `load` alike:
/// the criteria and the verdict printed, every report written, the run recorded in the history, the exit
/// status decided once from the run's facts (a report or record that could not be written makes a pass exit 2),
/// and, for a run that reached nothing or was cut short, one line saying so on standard error.
enum RunEpilogue {
    /// What a run left: its report, its id in the history file when it was recorded there, and its exit status.
    struct Outcome {
        var report: RunReport
        var recordedRun: Int64?
        var verdict: RunVerdict
    }

    /// `record`: false for a run that sent nothing (it could not start), which has nothing to keep.
    static func finish(
        _ judged: JudgedRun, command: String, writer: ReportWriter?, history: HistoryRecorder?, record: Bool = true
    ) -> Outcome {
        VerdictPrinter(style: ConsoleStyle.forStandardOutput()).print(judged.report)
        var facts = judged.facts
        if let writer { facts.reportsNotWritten = !ScenarioExecution.write(judged.report, with: writer) }
        let recordedRun = record ? history?.record(judged.report, command: command) : nil
        if record, history != nil, recordedRun == nil { facts.reportsNotWritten = true }
        let verdict = RunVerdict.decide(facts)
        if verdict == .unreachable {
            ScenarioExecution.printError(
                "error: target unreachable: \(judged.report.firstTransportError ?? judged.report.target)")
        }
        if verdict == .interrupted {
            let cause = InterruptSignal.stoppedBy.map { " \($0)" } ?? ""
            ScenarioExecution.printError("interrupted\(cause): the results are partial")
        }
        return Outcome(report: judged.report, recordedRun: recordedRun, verdict: verdict)
    }
}

extension RunReport {
    /// The first request that got no answer, as the unreachable line names it: a step's URL, phase, libcurl's
    /// words and what to do, or a load's example.
    var firstTransportError: String? {
        let step = scenarios.lazy.flatMap(\.steps).compactMap(\.error).first.map { error in
            "\(error.url): failed during \(error.phase): \(error.message)" + (error.hint.map { " — \($0)" } ?? "")
        }
        return step ?? loads.lazy.compactMap(\.transportErrors.first?.example).first
    }
}
