import ArgumentParser
import CSARCheck

/// `csar-check vars [FILE…]`: the variables of scenario files, with their defaults and meaning.
struct VarsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vars",
        abstract: "List the variables of scenario files: default, origin and meaning (what --var can set).",
        discussion: "Without files, those of the scenarios folder (--scenarios, ./Scenarios, $CSAR_SCENARIOS, "
            + "then the installed ones)."
    )

    @Argument(help: "Scenario files or folders (default: the scenarios folder).")
    var files: [String] = []

    @OptionGroup var folder: ScenarioFolderOption

    func run() throws {
        let scenarios = try ScenarioCatalog.load(files, folder: folder, variables: [])
        print(VariableListing.render(scenarios).terminalSafeKeepingLines, terminator: "")
    }
}
