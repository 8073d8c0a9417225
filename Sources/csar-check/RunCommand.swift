import ArgumentParser
import CSARCheck
import Foundation

/// `csar-check run FILE…`: runs any scenario files against the target.
struct RunCommand: AsyncParsableCommand, SendsRequests {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run scenario files (or every .yaml file of a folder) against the target.",
        discussion: """
            A file that is not where it is given but is one of the shipped scenarios (smoke.yaml, \
            Scenarios/admin-login.yaml, Scenarios/) is taken from the scenarios folder (--scenarios, ./Scenarios, \
            $CSAR_SCENARIOS, then the installed ones), and the run says so.
            """
    )

    @Argument(help: "Scenario files or folders.")
    var files: [String]

    @OptionGroup var folder: ScenarioFolderOption
    @OptionGroup var target: TargetOptions
    var maxTime: DurationArgument? { target.connection.maxTime }
    @OptionGroup var report: ReportOptions
    @OptionGroup var history: HistoryOptions

    func run() async throws {
        let recorder = try history.open()
        let configuration = try await target.runConfiguration()
        let (paths, shipped) = Self.resolve(files, folder: folder)
        try await ScenarioExecution.run(
            .init(
                command: "run", files: paths, folder: shipped, configuration: configuration,
                reports: report.directory, history: recorder
            ))
    }

    /// The paths as given where they exist; one that does not but names a shipped scenario (or the shipped
    /// folder itself) is taken from the scenarios folder, which is then returned to be named in the output.
    static func resolve(_ files: [String], folder option: ScenarioFolderOption) -> ([String], ScenarioFolder?) {
        guard files.contains(where: { !FileManager.default.fileExists(atPath: $0) }),
            case .success(let folder) = option.locate()
        else { return (files, nil) }
        var used = false
        let paths = files.map { given -> String in
            guard !FileManager.default.fileExists(atPath: given) else { return given }
            var relative = given
            for prefix in ["./Scenarios", "Scenarios"] where relative == prefix || relative.hasPrefix(prefix + "/") {
                relative = String(relative.dropFirst(prefix.count)).trimmingCharacters(in: ["/"])
            }
            let shipped = relative.isEmpty ? folder.path : (folder.path as NSString).appendingPathComponent(relative)
            guard FileManager.default.fileExists(atPath: shipped) else { return given }
            print("\(given) is not here: using \(shipped)")
            used = true
            return shipped
        }
        return (paths, used ? folder : nil)
    }
}
