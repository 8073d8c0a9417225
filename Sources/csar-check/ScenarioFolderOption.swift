import ArgumentParser
import CSARCheck
import Foundation

/// `--scenarios DIR`: where the shipped scenarios are. Without it: `./Scenarios`, `$CSAR_SCENARIOS`, then the
/// scenarios installed with the binary (see `ScenarioFolder`).
struct ScenarioFolderOption: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Folder of the shipped scenarios (default: ./Scenarios, then $CSAR_SCENARIOS, then the installed ones).",
            valueName: "dir"))
    var scenarios: String?

    func locate() -> Result<ScenarioFolder, ScenarioFolderError> {
        ScenarioFolder.locate(option: scenarios)
    }

    /// `name` in `folder` when it is there (a shipped file such as `gate.yaml`), else as given (a file of the
    /// user's own, from the current folder); an absolute path as it is.
    static func file(_ name: String, in folder: ScenarioFolder) -> String {
        if name.hasPrefix("/") { return name }
        let shipped = (folder.path as NSString).appendingPathComponent(name)
        return FileManager.default.fileExists(atPath: shipped) || !FileManager.default.fileExists(atPath: name)
            ? shipped : name
    }
}

/// `--tag` and `--skip`: which files and steps of the scenarios run (see `TagSelection`).
struct SelectionOptions: ParsableArguments {
    @Option(
        name: .customLong("tag"),
        help: ArgumentHelp("Run only the scenario files with this tag (repeatable, or a,b).", valueName: "tag"))
    var only: [String] = []

    @Option(
        name: .customLong("skip"),
        help: ArgumentHelp(
            "Leave out the files and steps with this tag (repeatable, or a,b), e.g. --skip laravel.",
            valueName: "tag"))
    var skipped: [String] = []

    var selection: TagSelection {
        let split = { (values: [String]) in
            values.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
                .filter { !$0.isEmpty }
        }
        return TagSelection(only: split(only), skip: split(skipped))
    }
}
