import Foundation
import Yams

/// Reads scenario files into validated `Scenario`s. Every problem — YAML syntax, unknown keys, wrong
/// types, undefined variables, bad JSONPath/XPath/regex — is found here, before any request is sent.
public struct ScenarioLoader: Sendable {
    /// Variables that exist in every run without being declared.
    public static let builtinVariables: Set<String> = ["base_url", "base_host", "run_id", "timestamp"]
    /// Names reached through `{{ env.NAME }}` are read from the environment when the run starts.
    static let environmentPrefix = "env."

    static let topLevelKeys =
        ["name", "description", "tags", "base_url", "variables", "defaults", "steps", "load"]
        + CriteriaLoading.keys

    /// Names given on the command line (`--var k=v`), usable in every file.
    public var predefinedVariables: Set<String>
    /// Names given on the command line for one file (`--var FILE.k=v`), by file name without extension.
    public var fileVariables: [String: Set<String>]

    public init(predefinedVariables: Set<String> = [], fileVariables: [String: Set<String>] = [:]) {
        self.predefinedVariables = predefinedVariables
        self.fileVariables = fileVariables
    }

    /// A loader for the names `variables` gives, in every file and file by file.
    public init(commandLine variables: CommandLineVariables) {
        self.init(
            predefinedVariables: Set(variables.run.keys), fileVariables: variables.files.mapValues { Set($0.keys) })
    }

    public func load(file path: String) throws(ScenarioError) -> Scenario {
        let text: String
        do {
            text = try SourceText.read(path)
        } catch {
            throw ScenarioError(
                location: .init(file: path, line: error.line, column: error.column), key: "", message: error.message)
        }
        return try load(text: text, file: path)
    }

    public func load(text: String, file: String) throws(ScenarioError) -> Scenario {
        let reader = YAMLReader(file: file, text: text)
        let root = try compose(text, reader: reader)
        let fields = try MappingFields(root, path: "", known: Self.topLevelKeys, reader: reader)
        var scope = VariableScope(
            defined: Self.builtinVariables.union(predefinedVariables).union(
                fileVariables[URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent] ?? []),
            reader: reader
        )
        let usedOutsideSteps = UsedNames()
        scope.usedByStep = usedOutsideSteps
        let variables = try VariableLoading.definitions(fields, scope: &scope)
        let baseURL = try fields.value("base_url").map { node throws(ScenarioError) in
            try ScalarReading.url(node, key: "base_url", reader: reader)
        }
        if let baseURL, let node = fields.value("base_url") {
            try scope.check(baseURL, at: node, key: "base_url")
        }
        let defaults = try StepLoading.defaults(fields.value("defaults"), scope: scope, reader: reader)
        // A file may be only a load (`load:` without `steps:`), like the runbook's `ab -n 50 -c 5`.
        let stepsNode = try fields.value("load") == nil ? fields.required("steps") : fields.value("steps")
        let stepNodes =
            try stepsNode.map { node throws(ScenarioError) in
                try ScalarReading.list(node, key: "steps", reader: reader)
            } ?? []
        if let stepsNode, stepNodes.isEmpty {
            throw reader.error(at: stepsNode, key: "steps", "a scenario needs at least one step")
        }
        var steps: [Step] = []
        for (index, node) in stepNodes.enumerated() {
            steps.append(try StepLoading.step(node, index: index, defaults: defaults, scope: &scope))
        }
        scope.usedByStep = usedOutsideSteps
        var scenario = Scenario(
            file: file,
            name: try fields.string("name") ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent,
            description: try fields.string("description"),
            tags: try TagLoading.tags(fields),
            baseURL: baseURL,
            variables: variables,
            defaults: defaults,
            steps: steps
        )
        scenario.criteria = try CriteriaLoading.criteria(fields)
        scenario.load = try LoadSectionLoading.load(
            fields.value("load"), defaults: defaults, steps: steps, scope: scope)
        scenario.usedVariables = scope.used.names
        scenario.usedOutsideSteps = usedOutsideSteps.names
        return scenario
    }

    private func compose(_ text: String, reader: YAMLReader) throws(ScenarioError) -> Node {
        let root: Node?
        do {
            root = try YAMLComposer.compose(text)
        } catch let error as YamlError {
            throw YAMLSyntax.error(error, reader: reader)
        } catch let error as YAMLExpansionError {
            let location = SourceLocation(file: reader.file, line: error.line, column: error.column)
            throw reader.error(at: location, key: "", error.message)
        } catch {
            throw reader.error(at: nil as Node?, key: "", "not valid YAML: \(error)")
        }
        guard let root else {
            throw reader.error(at: nil as Node?, key: "", "the file is empty")
        }
        return root
    }
}

/// Converts Yams' syntax errors into located scenario errors.
enum YAMLSyntax {
    static func error(_ error: YamlError, reader: YAMLReader) -> ScenarioError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            let location = SourceLocation(file: reader.file, line: mark.line, column: mark.column)
            return reader.error(at: location, key: "", "invalid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let location = SourceLocation(file: reader.file, line: context.mark.line, column: context.mark.column)
            return reader.error(at: location, key: duplicates.joined(separator: ", "), "duplicate key")
        default:
            return reader.error(at: nil as Node?, key: "", "invalid YAML: \(error)")
        }
    }
}
