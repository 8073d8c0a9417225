import ArgumentParser
import CSARCheck
import Foundation

/// The path shared by `run`, `smoke` and `demo`: validate every file, run them, write reports, exit.
enum ScenarioExecution {
    static func run(files: [String], configuration: RunConfiguration, reports: String?) async throws {
        let scenarios = try load(files: files, predefined: Set(configuration.variables.keys))
        let suite = SuiteRun(
            scenarios: scenarios, configuration: configuration,
            reporter: ConsoleReporter(style: .forStandardOutput()), reportsDirectory: reports
        )
        let outcome = await DedicatedThread.run { suite.execute() }
        for path in outcome.reports { print("Report: \(path)") }
        if let reportError = outcome.reportError { printError("error: \(reportError)") }
        if outcome.verdict == .unreachable, let error = outcome.results.flatMap(\.steps).compactMap(\.transportError).first {
            printError("error: target unreachable: \(error.description)")
        }
        if outcome.verdict != .passed { throw ExitCode(outcome.verdict.rawValue) }
    }

    /// Loads and validates every file; on any error prints them all and exits 2 before sending anything.
    static func load(files: [String], predefined: Set<String>) throws -> [Scenario] {
        let paths = ScenarioFiles.expand(files)
        guard !paths.isEmpty else {
            throw CommandFailure(message: "no scenario files found in \(files.joined(separator: ", "))", verdict: .configurationError)
        }
        switch ScenarioFiles.load(paths, loader: ScenarioLoader(predefinedVariables: predefined)) {
        case .success(let scenarios):
            return scenarios
        case .failure(let errors):
            printError(errors.description)
            throw ExitCode(RunVerdict.configurationError.rawValue)
        }
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

extension CommandFailure {
    /// Prints the message and turns it into the exit code.
    func exit() -> ExitCode {
        ScenarioExecution.printError("error: \(message)")
        return ExitCode(verdict.rawValue)
    }
}
