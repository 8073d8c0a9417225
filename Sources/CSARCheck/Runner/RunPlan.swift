import Foundation

/// The scenarios a run takes, ready to send: every file found and loaded, `--var` sorted into the run's and
/// each file's and checked against the files, the `--tag`/`--skip` selection applied, and the preflight
/// passed. Anything wrong is a `RunSetupFailure` listing all that is wrong at once, before any request.
public struct RunPlan: Sendable {
    /// The selected scenarios, in run order.
    public var scenarios: [Scenario]
    /// The suites named in the files, their positions counted among `scenarios`.
    public var suites: [SuiteScope]

    /// Prepares `files` for a run with `configuration`, whose `variables` hold every `--var` as given: they
    /// are sorted into the run's and each file's (`configuration.fileVariables`).
    public static func prepare(
        files: [String], configuration: inout RunConfiguration
    ) -> Result<RunPlan, RunSetupFailure> {
        let loaded: (scenarios: [Scenario], resolution: ScenarioFiles.Resolution, unknown: [String])
        switch read(files: files, configuration: &configuration) {
        case .success(let read): loaded = read
        case .failure(let failure): return .failure(failure)
        }
        let (scenarios, resolution, unknown) = loaded
        let problems = unknown + configuration.selection.problems(in: scenarios)
        if !problems.isEmpty {
            return .failure(RunSetupFailure(everyFile: problems, of: scenarios))
        }
        let plan = selected(scenarios, suites: resolution.suites, by: configuration.selection)
        let missing = Preflight.problems(plan.scenarios, configuration: configuration)
        if !missing.isEmpty {
            return .failure(
                RunSetupFailure(errors: missing, paths: plan.scenarios.map(\.file), scenarios: plan.scenarios))
        }
        return .success(plan)
    }

    /// Every scenario of `files`, loaded and checked against `configuration.variables` (sorted into the run's
    /// and each file's), for a look at the files rather than a run (`validate`, `vars`).
    public static func load(
        files: [String], configuration: inout RunConfiguration
    ) -> Result<[Scenario], RunSetupFailure> {
        read(files: files, configuration: &configuration).flatMap { scenarios, _, unknown in
            unknown.isEmpty ? .success(scenarios) : .failure(RunSetupFailure(everyFile: unknown, of: scenarios))
        }
    }

    /// The files loaded, with the messages for `--var` names they do not know.
    private static func read(
        files: [String], configuration: inout RunConfiguration
    ) -> Result<(scenarios: [Scenario], resolution: ScenarioFiles.Resolution, unknown: [String]), RunSetupFailure> {
        let resolution: ScenarioFiles.Resolution
        switch ScenarioFiles.resolve(files) {
        case .success(let resolved): resolution = resolved
        case .failure(let errors): return .failure(RunSetupFailure(errors: errors.errors, paths: []))
        }
        guard !resolution.paths.isEmpty else {
            let message = "no scenario files found in \(files.joined(separator: ", "))"
            return .failure(RunSetupFailure(messages: ["error: \(message)"], files: []))
        }
        let stems = resolution.paths.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }
        let given = CommandLineVariables(configuration.variables, fileStems: stems)
        configuration.variables = given.run
        configuration.fileVariables = given.files
        let scenarios: [Scenario]
        switch ScenarioFiles.load(resolution.paths, loader: ScenarioLoader(commandLine: given)) {
        case .success(let loaded): scenarios = loaded
        case .failure(let errors): return .failure(RunSetupFailure(errors: errors.errors, paths: resolution.paths))
        }
        return .success((scenarios, resolution, given.unknownNames(in: scenarios)))
    }

    /// The scenarios `selection` takes, with each suite's range of files counted among them.
    static func selected(_ scenarios: [Scenario], suites: [SuiteScope], by selection: TagSelection) -> RunPlan {
        let kept = scenarios.map(selection.includes)
        let position = { (index: Int) in kept[..<index].filter { $0 }.count }
        let scopes = suites.map { suite in
            SuiteScope(
                name: suite.name, criteria: suite.criteria,
                files: position(suite.files.lowerBound)..<position(suite.files.upperBound))
        }
        return RunPlan(scenarios: zip(scenarios, kept).filter(\.1).map(\.0), suites: scopes)
    }
}

/// Why a run could not start: the messages to print, and for the reports each file with its reason (the
/// files with no problem of their own say that the others stopped the run).
public struct RunSetupFailure: Error, Sendable {
    public var messages: [String]
    /// Name, path and reason, one per file of the run.
    public var files: [(name: String, file: String, reason: String)]

    public init(messages: [String], files: [(name: String, file: String, reason: String)]) {
        self.messages = messages
        self.files = files
    }

    /// Errors located in files: each file gets its own, the other `paths` the note that they did not run.
    init(errors: [ScenarioError], paths: [String], scenarios: [Scenario] = []) {
        messages = errors.map(\.description)
        let erring = errors.map(\.location.file)
        var ordered = paths
        for file in erring where !ordered.contains(file) { ordered.append(file) }
        files = ordered.map { file in
            let own = errors.filter { $0.location.file == file }
            let name =
                scenarios.first { $0.file == file }?.name
                ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            let reason =
                own.isEmpty
                ? "not run: nothing was sent, because of the errors of other files of the run"
                : own.map { "\($0.location): \($0.key.isEmpty ? "" : "\($0.key): ")\($0.message)" }
                    .joined(separator: "\n")
            return (name, file, reason)
        }
    }

    /// Problems of the whole run (an unknown `--var` or tag): every file carries all of them.
    init(everyFile problems: [String], of scenarios: [Scenario]) {
        messages = problems.map { "error: \($0)" }
        files = scenarios.map { ($0.name, $0.file, problems.joined(separator: "\n")) }
    }
}
