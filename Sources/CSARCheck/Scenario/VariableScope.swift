import Yams

/// The variable names defined at a point of a file: built-ins, `--var`s, declared variables and the
/// captures of earlier steps. Templates are checked against it as the file is read, in step order.
struct VariableScope {
    private(set) var defined: Set<String>
    let reader: YAMLReader
    /// Every name a checked template reads, shared by the copies of this scope made while a file loads.
    let used = UsedNames()

    init(defined: Set<String>, reader: YAMLReader) {
        self.defined = defined
        self.reader = reader
    }

    mutating func define(_ name: String) {
        defined.insert(name)
    }

    func check(_ template: Template, at node: Node, key: String) throws(ScenarioError) {
        used.names.formUnion(template.variableNames)
        for name in template.variableNames where !isDefined(name) {
            throw reader.error(
                at: node, key: key,
                "undefined variable '\(name)'\(Suggestion.didYouMean(name, among: Array(defined))); "
                    + "define it under 'variables:', capture it in an earlier step, or pass --var \(name)=…"
            )
        }
    }

    func isDefined(_ name: String) -> Bool {
        defined.contains(name) || (name.hasPrefix(ScenarioLoader.environmentPrefix)
            && name.count > ScenarioLoader.environmentPrefix.count)
    }
}

/// The variable names a file's templates read.
final class UsedNames {
    var names: Set<String> = []
}
