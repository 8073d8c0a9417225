import ArgumentParser
import CSARCheck
import Foundation

/// The path shared by `run`, `smoke`, `gate` and `demo`: validate every file, run them, evaluate the
/// criteria, print the verdict, write every report (also when checks fail or a signal cuts the run
/// short), and exit with the verdict's code.
enum ScenarioExecution {
    struct Request {
        var command: String
        var files: [String]
        var configuration: RunConfiguration
        var reports: String?
        /// Run-wide criteria (the runbook's defaults for a gate); a suite file's own criteria replace them for
        /// the files it lists.
        var runCriteria: [Criterion] = []
        /// Where the run is recorded, if anywhere.
        var history: HistoryRecorder? = nil
    }

    /// What a run left: its report, its id in the history file when it was recorded there, and the exit
    /// status decided once the reports and the history record were written (or not).
    struct Outcome {
        var report: RunReport
        var recordedRun: Int64?
        var verdict: RunVerdict
    }

    static func run(_ request: Request) async throws {
        let outcome = try await execute(request)
        if outcome.verdict != .passed { throw ExitCode(outcome.verdict.rawValue) }
    }

    /// Runs the files, prints the verdict, writes the reports and records the run; throws only for
    /// errors found before anything was sent.
    static func execute(_ request: Request) async throws -> Outcome {
        let started = Date()
        let (scenarios, suites) = try load(
            files: request.files, predefined: Set(request.configuration.variables.keys))
        let writer = try reportWriter(request.reports)
        let style = ConsoleStyle.forStandardOutput()
        let stop = InterruptSignal.install()
        var configuration = request.configuration
        let results: SuiteRun.Results
        if let refused = try await takeMaintenanceBypass(&configuration) {
            printError("error: \(refused)")
            results = SuiteRun.notStarted(scenarios, configuration: configuration, reason: refused)
        } else {
            let suite = SuiteRun(
                scenarios: scenarios, configuration: configuration, reporter: ConsoleReporter(style: style), stop: stop)
            results = await DedicatedThread.run { suite.execute() }
        }
        let builder = RunReportBuilder(
            command: request.command, target: request.configuration.baseURL, startedAt: started,
            runCriteria: request.runCriteria, suites: suites
        )
        let report = builder.report(
            scenarios: scenarios, results: results.scenarios, loads: results.loads, interrupted: stop.isRequested
        )
        VerdictPrinter(style: style).print(report)
        var facts = RunVerdict(rawValue: report.verdict.exitCode)?.facts ?? RunVerdict.Facts(failed: true)
        if let writer {
            facts.reportsNotWritten = !write(report, with: writer)
        }
        let recordedRun = request.history?.record(report, command: request.command)
        if request.history != nil, recordedRun == nil { facts.reportsNotWritten = true }
        let verdict = RunVerdict.decide(facts)
        if verdict == .unreachable {
            let stepError = results.scenarios.flatMap(\.steps).compactMap(\.transportError).first?.description
            let loadError = results.loads.lazy.compactMap(\.result.transportErrors.first?.example).first
            printError("error: target unreachable: \(stepError ?? loadError ?? request.configuration.baseURL)")
        }
        if verdict == .interrupted {
            printError("interrupted\(InterruptSignal.receivedName.map { " by \($0)" } ?? ""): the results are partial")
        }
        return Outcome(report: report, recordedRun: recordedRun, verdict: verdict)
    }

    /// The writer for `directory`, checked before anything is sent: a folder that cannot be written is a
    /// configuration error (exit 2), not a run that ends without the reports CI expects.
    static func reportWriter(_ directory: String?) throws -> ReportWriter? {
        guard let directory else { return nil }
        let writer = ReportWriter(directory: directory, renderHTML: HTMLReport.render)
        if let problem = writer.problem() {
            throw CommandFailure(message: "\(problem); nothing was sent", verdict: .configurationError)
        }
        return writer
    }

    /// Writes every report and says where; returns false (after saying why) when one could not be written.
    static func write(_ report: RunReport, with writer: ReportWriter) -> Bool {
        let outcome = writer.write(report)
        for path in outcome.written { print("Report: \(path)") }
        for error in outcome.errors { printError("error: \(error)") }
        if outcome.errors.isEmpty { print(String(format: "Reports written in %.1f ms", outcome.duration * 1000)) }
        return outcome.errors.isEmpty
    }

    /// Loads and validates every file; on any error prints them all and exits 2 before sending anything.
    /// Also returns the suites named in `files`, whose criteria judge the files they list.
    static func load(files: [String], predefined: Set<String>) throws -> ([Scenario], [SuiteScope]) {
        let resolution: ScenarioFiles.Resolution
        switch ScenarioFiles.resolve(files) {
        case .success(let resolved): resolution = resolved
        case .failure(let errors):
            printError(errors.description)
            throw ExitCode(RunVerdict.configurationError.rawValue)
        }
        guard !resolution.paths.isEmpty else {
            throw CommandFailure(
                message: "no scenario files found in \(files.joined(separator: ", "))", verdict: .configurationError)
        }
        switch ScenarioFiles.load(resolution.paths, loader: ScenarioLoader(predefinedVariables: predefined)) {
        case .success(let scenarios):
            let unknown = CommandLineVariables.unknownNames(predefined, in: scenarios)
            if !unknown.isEmpty {
                printError(unknown.map { "error: \($0)" }.joined(separator: "\n"))
                throw ExitCode(RunVerdict.configurationError.rawValue)
            }
            return (scenarios, resolution.suites)
        case .failure(let errors):
            printError(errors.description)
            throw ExitCode(RunVerdict.configurationError.rawValue)
        }
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text.terminalSafe + "\n").utf8))
    }
}
