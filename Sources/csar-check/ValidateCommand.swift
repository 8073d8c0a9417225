import ArgumentParser
import CSARCheck
import Foundation

/// `csar-check validate FILE…|DIR`: checks scenario files without sending anything.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check scenario files (syntax, keys, variables, queries) without sending anything."
    )

    @Argument(help: "Scenario files or folders (default: the scenarios folder).")
    var files: [String] = []

    @OptionGroup var folder: ScenarioFolderOption

    @Option(
        name: .customLong("var"),
        help: ArgumentHelp(
            "A variable that will be given at run time (repeatable; FILE.name for one file).", valueName: "name=value"))
    var variables: [String] = []

    func run() throws {
        let scenarios = try ScenarioCatalog.load(files, folder: folder, variables: variables)
        for scenario in scenarios {
            let load = scenario.load == nil ? "" : " + load"
            let tags = scenario.tags.isEmpty ? "" : " [\(scenario.tags.joined(separator: ", "))]"
            print("✔ \(scenario.file): \(scenario.name), \(scenario.steps.count) step(s)\(load)\(tags)".terminalSafe)
        }
    }
}

/// Files read for a look, not a run (`validate`, `vars`): loaded and checked, every error printed, exit 2.
enum ScenarioCatalog {
    static func load(_ files: [String], folder: ScenarioFolderOption, variables: [String]) throws -> [Scenario] {
        var paths = files
        if paths.isEmpty {
            switch folder.locate() {
            case .success(let found):
                print(found.description)
                paths = [found.path]
            case .failure(let problem):
                throw CommandFailure(message: problem.description, verdict: .configurationError)
            }
        } else {
            paths = RunCommand.resolve(files, folder: folder).0
        }
        var names: [String: String] = [:]
        for pair in variables { names[String(pair.split(separator: "=", maxSplits: 1).first ?? "")] = "" }
        var configuration = RunConfiguration(baseURL: "http://validate.invalid", variables: names)
        configuration.environment = ProcessInfo.processInfo.environment
        switch RunPlan.load(files: paths, configuration: &configuration) {
        case .success(let scenarios):
            return scenarios
        case .failure(let failure):
            ScenarioExecution.printError(failure.messages.joined(separator: "\n"))
            throw ExitCode(RunVerdict.configurationError.rawValue)
        }
    }
}
