import ArgumentParser
import CSARCheck

/// Which files a gate runs: the functional suites, then the load scenario, from the scenarios folder.
struct GateFiles: ParsableArguments {
    @OptionGroup var folder: ScenarioFolderOption

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A functional suite or scenario file, in the scenarios folder or given by path (repeatable; default "
                + "gate.yaml).", valueName: "file"))
    var suite: [String] = []

    @Option(
        name: .long, help: "The load scenario run after the suites, in the scenarios folder or given by path.")
    var load = "load-home.yaml"

    @Flag(name: .long, help: "Skip the load run.")
    var noLoad = false

    /// The suites, then the load scenario, found in `folder`.
    func files(in folder: ScenarioFolder) -> [String] {
        let suites = suite.isEmpty ? ["gate.yaml"] : suite
        return (suites + (noLoad ? [] : [load])).map { ScenarioFolderOption.file($0, in: folder) }
    }
}
