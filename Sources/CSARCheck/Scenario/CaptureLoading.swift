import Yams

/// Reads `capture:`: `name: { jsonpath | xpath | regex | header | cookie | status | url: …, decode, secret, group }`.
enum CaptureLoading {
    static let sources = ["jsonpath", "xpath", "regex", "header", "cookie", "form_field", "status", "url"]
    static let options = ["decode", "secret", "group"]

    static func captures(_ node: Node?, path: String, scope: inout VariableScope) throws(ScenarioError) -> [Capture] {
        guard let node else { return [] }
        let reader = scope.reader
        let entries = try MappingFields(node, path: path, known: [], reader: reader)
        var captures: [Capture] = []
        for (name, keyNode, value) in entries.all {
            let key = entries.keyPath(name)
            guard Template.isValidName(name), !name.hasPrefix(ScenarioLoader.environmentPrefix) else {
                throw reader.error(at: keyNode, key: key, "'\(name)' is not a valid variable name")
            }
            let spec = try MappingFields(value, path: key, known: sources + options, reader: reader)
            let chosen = spec.keys.filter(sources.contains)
            guard chosen.count == 1, let sourceKey = chosen.first else {
                throw reader.error(
                    at: value, key: key, "a capture takes exactly one of: \(sources.joined(separator: ", "))")
            }
            let query = try self.query(sourceKey, spec: spec, scope: scope)
            if spec.value("group") != nil, sourceKey != "regex" {
                throw reader.error(at: spec.value("group"), key: spec.keyPath("group"), "'group' goes with 'regex'")
            }
            let decoding: Capture.Decoding?
            if let decode = try spec.string("decode") {
                guard let known = Capture.Decoding(rawValue: decode) else {
                    throw reader.error(
                        at: spec.value("decode"), key: spec.keyPath("decode"), "unknown decoding '\(decode)'; use 'url'"
                    )
                }
                decoding = known
            } else {
                decoding = nil
            }
            captures.append(
                Capture(
                    variable: name, query: query, decoding: decoding,
                    secret: try spec.bool("secret") ?? false, location: reader.location(of: keyNode)
                ))
            scope.define(name)
        }
        return captures
    }

    private static func query(
        _ key: String, spec: MappingFields, scope: VariableScope
    ) throws(ScenarioError) -> ResponseQuery {
        let reader = spec.reader
        let node = try spec.required(key)
        let keyPath = spec.keyPath(key)
        switch key {
        case "jsonpath":
            let text = try ScalarReading.string(node, key: keyPath, reader: reader)
            return .jsonPath(try QueryCompiling.jsonPathQuery(text, at: node, key: keyPath, scope: scope))
        case "xpath":
            let text = try ScalarReading.string(node, key: keyPath, reader: reader)
            return .xPath(try QueryCompiling.xPathQuery(text, at: node, key: keyPath, scope: scope))
        case "regex":
            let (pattern, groups) = try QueryCompiling.regex(node, key: keyPath, scope: scope)
            let group = try spec.integer("group", in: 0...99) ?? (groups > 0 ? 1 : 0)
            guard group <= groups else {
                throw reader.error(
                    at: spec.value("group") ?? node, key: spec.keyPath("group"),
                    "the pattern has \(groups) group(s), not \(group)")
            }
            return .regex(pattern, group: group)
        case "header":
            return .header(try ScalarReading.string(node, key: keyPath, reader: reader))
        case "cookie":
            return .cookie(try ScalarReading.string(node, key: keyPath, reader: reader))
        case "form_field":
            let name = try scope.template(node, key: keyPath)
            return .formField(name)
        case "status":
            return .status
        default:
            return .url
        }
    }
}

/// Compiles the query languages found in files, turning their errors into located scenario errors.
enum QueryCompiling {
    static func jsonPath(
        _ text: String, at node: Node, key: String, reader: YAMLReader
    ) throws(ScenarioError) -> JSONPath {
        do {
            return try JSONPath(text)
        } catch {
            throw reader.error(at: node, key: key, "invalid JSONPath '\(text)': \(error)")
        }
    }

    static func xPath(
        _ text: String, at node: Node, key: String, reader: YAMLReader
    ) throws(ScenarioError) -> XPathExpression {
        do {
            return try XPathExpression(text)
        } catch {
            throw reader.error(at: node, key: key, "invalid XPath: \(error)")
        }
    }

    /// A JSONPath that may hold `{{ variables }}`: compiled now when it holds none (see ``QueryPath``).
    static func jsonPathQuery(
        _ text: String, at node: Node, key: String, scope: VariableScope
    ) throws(ScenarioError) -> QueryPath<JSONPath> {
        try query(text, at: node, key: key, scope: scope, compile: { try JSONPath($0) }, checked: jsonPath)
    }

    /// An XPath that may hold `{{ variables }}`: compiled now when it holds none (see ``QueryPath``).
    static func xPathQuery(
        _ text: String, at node: Node, key: String, scope: VariableScope
    ) throws(ScenarioError) -> QueryPath<XPathExpression> {
        try query(text, at: node, key: key, scope: scope, compile: { try XPathExpression($0) }, checked: xPath)
    }

    /// Plain text is compiled now by `checked` (its mistakes located in the file); text with variables is
    /// compiled by `compile` once the step renders it.
    private static func query<Compiled: Sendable>(
        _ text: String, at node: Node, key: String, scope: VariableScope,
        compile: @escaping @Sendable (String) throws -> Compiled,
        checked: (String, Node, String, YAMLReader) throws(ScenarioError) -> Compiled
    ) throws(ScenarioError) -> QueryPath<Compiled> {
        guard let template = try templated(text, at: node, key: key, scope: scope) else {
            return QueryPath(source: text, compiled: try checked(text, node, key, scope.reader), compile: compile)
        }
        return QueryPath(template: template, compile: compile)
    }

    /// The text's template when it holds variables (each checked as defined), nil when it is plain text.
    private static func templated(
        _ text: String, at node: Node, key: String, scope: VariableScope
    ) throws(ScenarioError) -> Template? {
        guard text.contains("{{") else { return nil }
        let template: Template
        do {
            template = try Template(parsing: text)
        } catch {
            throw scope.reader.error(at: node, key: key, error.message)
        }
        guard !template.variableNames.isEmpty else { return nil }
        try scope.check(template, at: node, key: key)
        return template
    }

    /// A regular expression that may hold `{{ variables }}` (see `QueryPath.regex`), each variable checked as
    /// defined; with its number of capture groups.
    static func regex(
        _ node: Node, key: String, scope: VariableScope
    ) throws(ScenarioError) -> (path: QueryPath<RegexPattern>, groups: Int) {
        let text = try ScalarReading.string(node, key: key, reader: scope.reader)
        let compiled: (path: QueryPath<RegexPattern>, groups: Int)
        do {
            compiled = try QueryPath.regex(text)
        } catch {
            throw scope.reader.error(at: node, key: key, error.message)
        }
        if let template = try? Template(parsing: text), !template.variableNames.isEmpty {
            try scope.check(template, at: node, key: key)
        }
        return compiled
    }
}
