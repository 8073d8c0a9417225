import Yams

/// Reads the entries of one YAML map by key, rejecting keys outside the known set (typos must not
/// pass silently) and turning type mismatches into located `ScenarioError`s.
struct MappingFields {
    let reader: YAMLReader
    /// Key path of this map in the file, e.g. `steps[0].expect`.
    let path: String
    let node: Node
    private let entries: [(key: String, keyNode: Node, value: Node)]

    init(_ node: Node, path: String, known: [String], reader: YAMLReader) throws(ScenarioError) {
        guard case .mapping(let mapping) = node else {
            throw reader.error(at: node, key: path, "expected a map, found \(node.kindName)")
        }
        self.reader = reader
        self.path = path
        self.node = node
        var entries: [(key: String, keyNode: Node, value: Node)] = []
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                throw reader.error(at: keyNode, key: path, "map keys must be plain strings")
            }
            if entries.contains(where: { $0.key == scalar.string }) {
                throw reader.error(at: keyNode, key: Self.join(path, scalar.string), "duplicate key")
            }
            entries.append((scalar.string, keyNode, value))
        }
        self.entries = entries
        if !known.isEmpty {
            for entry in entries where !known.contains(entry.key) {
                throw reader.error(
                    at: entry.keyNode, key: Self.join(path, entry.key),
                    "unknown key '\(entry.key)'\(Suggestion.didYouMean(entry.key, among: known)); "
                        + "expected one of: \(known.joined(separator: ", "))"
                )
            }
        }
    }

    static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    func keyPath(_ key: String) -> String { Self.join(path, key) }

    /// The entries in file order: for maps whose keys are user names (headers, variables, captures).
    var all: [(key: String, keyNode: Node, value: Node)] { entries }

    var keys: [String] { entries.map(\.key) }

    func value(_ key: String) -> Node? {
        entries.first { $0.key == key }?.value
    }

    func location(_ key: String) -> SourceLocation {
        reader.location(of: entries.first { $0.key == key }?.keyNode ?? node)
    }

    func required(_ key: String) throws(ScenarioError) -> Node {
        guard let value = value(key) else {
            throw reader.error(at: node, key: keyPath(key), "missing required key '\(key)'")
        }
        return value
    }

    func string(_ key: String) throws(ScenarioError) -> String? {
        guard let value = value(key) else { return nil }
        return try ScalarReading.string(value, key: keyPath(key), reader: reader)
    }

    func requiredString(_ key: String) throws(ScenarioError) -> String {
        try ScalarReading.string(required(key), key: keyPath(key), reader: reader)
    }

    func template(_ key: String) throws(ScenarioError) -> Template? {
        guard let value = value(key) else { return nil }
        return try ScalarReading.template(value, key: keyPath(key), reader: reader)
    }

    func bool(_ key: String) throws(ScenarioError) -> Bool? {
        guard let value = value(key) else { return nil }
        return try ScalarReading.bool(value, key: keyPath(key), reader: reader)
    }

    func integer(_ key: String, in range: ClosedRange<Int>) throws(ScenarioError) -> Int? {
        guard let value = value(key) else { return nil }
        return try ScalarReading.integer(value, key: keyPath(key), in: range, reader: reader)
    }

    func duration(_ key: String, rule: DurationRule = .timeout) throws(ScenarioError) -> Double? {
        guard let value = value(key) else { return nil }
        return try ScalarReading.duration(value, key: keyPath(key), rule: rule, reader: reader)
    }

    func stringList(_ key: String) throws(ScenarioError) -> [String]? {
        guard let value = value(key) else { return nil }
        return try ScalarReading.list(value, key: keyPath(key), reader: reader).enumerated().map {
            (index, item) throws(ScenarioError) in
            try ScalarReading.string(item, key: "\(keyPath(key))[\(index)]", reader: reader)
        }
    }
}
