import ArgumentParser
import CSARCheck
import Foundation

/// The path shared by `run`, `smoke`, `gate`, `nightly` and `demo`: load and check every file, check what the
/// selected scenarios need (preflight), run them, evaluate the criteria, print the verdict, write every report
/// (also when a file is wrong, checks fail or a signal cuts the run short), and exit with the verdict's code.
enum ScenarioExecution {
    struct Request {
        var command: String
        var files: [String]
        /// The shipped scenario folder the files come from, said at the start and in the reports.
        var folder: ScenarioFolder? = nil
        var configuration: RunConfiguration
        var reports: String?
        /// Run-wide criteria (the runbook's defaults for a gate); a suite file's own criteria replace them for
        /// the files it lists.
        var runCriteria: [Criterion] = []
        /// Where the run is recorded, if anywhere.
        var history: HistoryRecorder? = nil
        /// Why the run cannot start although no file was read yet (no scenario folder).
        var setupFailure: RunSetupFailure? = nil

        /// A run of shipped files (`gate.yaml`, `smoke.yaml`): `files` names them in the folder found, or the
        /// run fails to start, saying where it looked.
        static func shipped(
            command: String, folder: Result<ScenarioFolder, ScenarioFolderError>,
            files: (ScenarioFolder) -> [String], configuration: RunConfiguration, reports: String?,
            runCriteria: [Criterion] = [], history: HistoryRecorder? = nil
        ) -> Request {
            var request = Request(
                command: command, files: [], configuration: configuration, reports: reports,
                runCriteria: runCriteria, history: history)
            switch folder {
            case .success(let found):
                request.folder = found
                request.files = files(found)
            case .failure(let problem):
                request.setupFailure = RunSetupFailure(
                    messages: ["error: \(problem)"], files: [("setup", "scenarios", problem.description)])
            }
            return request
        }
    }

    static func run(_ request: Request) async throws {
        let outcome = try await execute(request)
        if outcome.verdict != .passed { throw ExitCode(outcome.verdict.rawValue) }
    }

    /// Runs the files, prints the verdict, writes the reports and records the run. A run that cannot start
    /// (a wrong file, an unknown `--var` or tag, a missing value) sends nothing, writes its reports with a
    /// `setup` testcase per file and ends with exit 2.
    static func execute(_ request: Request) async throws -> RunEpilogue.Outcome {
        let started = Date()
        let writer = try reportWriter(request.reports)
        if let folder = request.folder { print(folder.description) }
        var configuration = request.configuration
        let plan: RunPlan
        let prepared =
            request.setupFailure.map { Result<RunPlan, RunSetupFailure>.failure($0) }
            ?? RunPlan.prepare(files: request.files, configuration: &configuration)
        switch prepared {
        case .success(let prepared): plan = prepared
        case .failure(let setup):
            printError(setup.messages.joined(separator: "\n"))
            return finish(
                request, started: started, scenarios: [], suites: [],
                results: SuiteRun.notStarted(setup.files, baseURL: configuration.baseURL), stop: .init(),
                writer: writer)
        }
        let style = ConsoleStyle.forStandardOutput()
        let stop = InterruptSignal.install()
        let results: SuiteRun.Results
        if let refused = try await takeMaintenanceBypass(&configuration) {
            printError("error: \(refused)")
            results = SuiteRun.notStarted(
                plan.scenarios.map { ($0.name, $0.file, refused) }, baseURL: configuration.baseURL)
        } else {
            let suite = SuiteRun(
                scenarios: plan.scenarios, configuration: configuration, reporter: ConsoleReporter(style: style),
                stop: stop)
            results = await DedicatedThread.run { suite.execute() }
        }
        return finish(
            request, started: started, scenarios: plan.scenarios, suites: plan.suites, results: results, stop: stop,
            writer: writer)
    }

    /// Judges the run and ends it as every command does (`RunEpilogue`).
    private static func finish(
        _ request: Request, started: Date, scenarios: [Scenario], suites: [SuiteScope], results: SuiteRun.Results,
        stop: StopSignal, writer: ReportWriter?
    ) -> RunEpilogue.Outcome {
        var builder = RunReportBuilder(
            command: request.command, target: request.configuration.baseURL, startedAt: started,
            runCriteria: request.runCriteria, suites: suites
        )
        builder.requireSideEffects = request.configuration.requireSideEffects
        var judged = builder.judge(
            scenarios: scenarios, results: results.scenarios, loads: results.loads, interrupted: stop.isRequested
        )
        judged.report.scenarioFolder = request.folder?.path
        let sent = !results.scenarios.allSatisfy { $0.setupError != nil && $0.steps.isEmpty }
        return RunEpilogue.finish(
            judged, command: request.command, writer: writer, history: request.history, record: sent)
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

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text.terminalSafeKeepingLines + "\n").utf8))
    }
}
