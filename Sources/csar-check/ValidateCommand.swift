import ArgumentParser
import CSARCheck

/// `csar-check validate FILE…|DIR`: checks scenario files without sending anything.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check scenario files (syntax, keys, variables, queries) without sending anything."
    )

    @Argument(help: "Scenario files or folders.")
    var files: [String]

    @Option(
        name: .customLong("var"),
        help: ArgumentHelp("A variable that will be given at run time (repeatable).", valueName: "name=value"))
    var variables: [String] = []

    func run() throws {
        let predefined = Set(variables.map { String($0.split(separator: "=", maxSplits: 1).first ?? "") })
        let (scenarios, _) = try ScenarioExecution.load(files: files, predefined: predefined)
        for scenario in scenarios {
            let load = scenario.load == nil ? "" : " + load"
            print("✔ \(scenario.file): \(scenario.name), \(scenario.steps.count) step(s)\(load)")
        }
    }
}
