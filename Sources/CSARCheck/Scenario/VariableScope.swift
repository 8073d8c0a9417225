import Yams

/// The variable names defined at a point of a file: built-ins, `--var`s, declared variables and the
/// captures of earlier steps. Templates are checked against it as the file is read, in step order.
struct VariableScope {
    private(set) var defined: Set<String>
    let reader: YAMLReader
    /// Every name a checked template reads, shared by the copies of this scope made while a file loads.
    let used = UsedNames()
    /// The names read by the step being loaded, when one is (see `StepLoading.step`).
    var usedByStep: UsedNames?

    init(defined: Set<String>, reader: YAMLReader) {
        self.defined = defined
        self.reader = reader
    }

    mutating func define(_ name: String) {
        defined.insert(name)
    }

    mutating func forget(_ name: String) {
        defined.remove(name)
    }

    /// The scalar at `node` read as a template, its variables checked: what every templated key of a file is.
    func template(_ node: Node, key: String) throws(ScenarioError) -> Template {
        let template = try ScalarReading.template(node, key: key, reader: reader)
        try check(template, at: node, key: key)
        return template
    }

    /// A scalar or a list of them (`name: value` or `name: [a, b]`) as templates, each checked; a list's items
    /// are named `key[index]` in errors.
    func templates(oneOrMany node: Node, key: String) throws(ScenarioError) -> [Template] {
        var templates: [Template] = []
        for (index, item) in ScalarReading.oneOrMany(node).enumerated() {
            templates.append(try template(item, key: node.sequence == nil ? key : "\(key)[\(index)]"))
        }
        return templates
    }

    func check(_ template: Template, at node: Node, key: String) throws(ScenarioError) {
        used.names.formUnion(template.variableNames)
        usedByStep?.names.formUnion(template.variableNames)
        for name in template.variableNames where !isDefined(name) {
            throw reader.error(
                at: node, key: key,
                "undefined variable '\(name)'\(Suggestion.didYouMean(name, among: Array(defined))); "
                    + "define it under 'variables:', capture it in an earlier step, or pass --var \(name)=…"
            )
        }
    }

    func isDefined(_ name: String) -> Bool {
        defined.contains(name)
            || (name.hasPrefix(ScenarioLoader.environmentPrefix)
                && name.count > ScenarioLoader.environmentPrefix.count)
    }
}

/// The variable names a file's templates read.
final class UsedNames {
    var names: Set<String> = []
}
