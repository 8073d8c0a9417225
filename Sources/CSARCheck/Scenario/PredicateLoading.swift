import Yams

/// Reads predicate maps (`{ gt: 0, lt: 10 }`); a bare scalar means `equals`.
enum PredicateLoading {
    static let keys = [
        "equals", "not_equals", "lt", "le", "gt", "ge", "matches", "not_matches", "contains", "not_contains",
        "exists", "type", "in_range", "one_of", "count", "each", "unique",
    ]
    static let typeNames = ["null", "boolean", "number", "string", "array", "object"]

    static func predicate(_ node: Node, path: String, scope: VariableScope) throws(ScenarioError) -> Predicate {
        guard case .mapping = node else {
            return Predicate([.equals(try expected(node, key: path, scope: scope))])
        }
        let fields = try MappingFields(node, path: path, known: keys, reader: scope.reader)
        let predicate = try predicate(fields, scope: scope)
        guard !predicate.conditions.isEmpty else {
            throw scope.reader.error(at: node, key: path, "empty check; use one of \(keys.joined(separator: ", "))")
        }
        return predicate
    }

    /// The predicate keys of a map that may hold other keys too (a `jsonpath` entry's `path`).
    static func predicate(_ fields: MappingFields, scope: VariableScope) throws(ScenarioError) -> Predicate {
        let reader = scope.reader
        var conditions: [Condition] = []
        for (key, _, value) in fields.all where keys.contains(key) {
            let keyPath = fields.keyPath(key)
            switch key {
            case "equals": conditions.append(.equals(try expected(value, key: keyPath, scope: scope)))
            case "not_equals": conditions.append(.notEquals(try expected(value, key: keyPath, scope: scope)))
            case "lt", "le", "gt", "ge":
                let op = ComparisonOperator(rawValue: key) ?? .lt
                conditions.append(.compare(op, try expected(value, key: keyPath, scope: scope)))
            case "matches":
                conditions.append(.matches(try QueryCompiling.regex(value, key: keyPath, scope: scope).path))
            case "not_matches":
                conditions.append(.notMatches(try QueryCompiling.regex(value, key: keyPath, scope: scope).path))
            case "contains", "not_contains":
                for item in ScalarReading.oneOrMany(value) {
                    let template = try scope.template(item, key: keyPath)
                    conditions.append(key == "contains" ? .contains(template) : .notContains(template))
                }
            case "exists": conditions.append(.exists(try ScalarReading.bool(value, key: keyPath, reader: reader)))
            case "type":
                let name = try ScalarReading.string(value, key: keyPath, reader: reader)
                guard typeNames.contains(name) else {
                    throw reader.error(
                        at: value, key: keyPath,
                        "unknown type '\(name)'; use one of \(typeNames.joined(separator: ", "))")
                }
                conditions.append(.type(name))
            case "in_range": conditions.append(try range(value, key: keyPath, reader: reader))
            case "one_of":
                var values: [ExpectedValue] = []
                for item in try ScalarReading.list(value, key: keyPath, reader: reader) {
                    values.append(try expected(item, key: keyPath, scope: scope))
                }
                conditions.append(.oneOf(values))
            case "count": conditions.append(.count(try predicate(value, path: keyPath, scope: scope)))
            case "each": conditions.append(.each(try predicate(value, path: keyPath, scope: scope)))
            default: conditions.append(.unique(try ScalarReading.bool(value, key: keyPath, reader: reader)))
            }
        }
        return Predicate(conditions)
    }

    /// `[low, high]`, both ends included.
    private static func range(_ node: Node, key: String, reader: YAMLReader) throws(ScenarioError) -> Condition {
        let items = try ScalarReading.list(node, key: key, reader: reader)
        guard items.count == 2 else {
            throw reader.error(at: node, key: key, "in_range takes [low, high]")
        }
        let low = try ScalarReading.number(items[0], key: key, reader: reader)
        let high = try ScalarReading.number(items[1], key: key, reader: reader)
        guard low <= high else { throw reader.error(at: node, key: key, "in_range: low \(low) is above high \(high)") }
        return .inRange(lower: low, upper: high)
    }

    static func expected(_ node: Node, key: String, scope: VariableScope) throws(ScenarioError) -> ExpectedValue {
        guard case .scalar = node else {
            throw scope.reader.error(at: node, key: key, "expected a single value, found \(node.kindName)")
        }
        switch ScalarReading.plainValue(node) {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .number(_, let value): return .number(value)
        case nil: break
        }
        let template = try scope.template(node, key: key)
        return .string(template)
    }
}
