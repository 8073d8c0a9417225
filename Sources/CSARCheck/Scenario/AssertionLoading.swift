import Yams

/// Reads `expect:` (and `warn:`): status, headers, response_headers, cookies, set_cookie, body, body_size,
/// jsonpath, xpath, max_duration, max_ttfb, tls.
enum AssertionLoading {
    static let keys = [
        "status", "headers", "response_headers", "cookies", "set_cookie", "body", "body_size", "jsonpath", "xpath",
        "max_duration", "max_ttfb", "tls",
    ]

    static func assertions(_ node: Node?, path: String, scope: VariableScope) throws(ScenarioError) -> [Assertion] {
        guard let node else { return [] }
        let reader = scope.reader
        let fields = try MappingFields(node, path: path, known: keys, reader: reader)
        var assertions: [Assertion] = []
        func add(_ query: ResponseQuery, _ expectation: Assertion.Expectation, _ key: String, _ at: Node) {
            let location = reader.location(of: at)
            assertions.append(
                Assertion(
                    query: query, expectation: expectation, key: key, location: location,
                    sourceLine: reader.sourceLine(location)))
        }
        func predicate(_ node: Node, _ path: String) throws(ScenarioError) -> Assertion.Expectation {
            .predicate(try PredicateLoading.predicate(node, path: path, scope: scope))
        }
        for (key, _, value) in fields.all {
            let keyPath = fields.keyPath(key)
            switch key {
            case "status":
                add(.status, .status(try status(value, key: keyPath, reader: reader)), keyPath, value)
            case "headers":
                let entries = try MappingFields(value, path: keyPath, known: [], reader: reader)
                for (name, _, predicateNode) in entries.all {
                    let path = entries.keyPath(name)
                    let (query, checked) = try header(name, predicateNode, path: path, scope: scope)
                    add(query, .predicate(checked), path, predicateNode)
                }
            case "cookies":
                let entries = try MappingFields(value, path: keyPath, known: [], reader: reader)
                for (name, _, predicateNode) in entries.all {
                    let path = entries.keyPath(name)
                    add(.cookie(name), try predicate(predicateNode, path), path, predicateNode)
                }
            case "set_cookie":
                let entries = try MappingFields(value, path: keyPath, known: [], reader: reader)
                for (name, nameNode, attributesNode) in entries.all {
                    let glob = try scope.template(nameNode, key: entries.keyPath(name))
                    let attributes = try MappingFields(
                        attributesNode, path: entries.keyPath(name),
                        known: SetCookieAttribute.allCases.map(\.rawValue), reader: reader)
                    for (attribute, _, predicateNode) in attributes.all {
                        guard let field = SetCookieAttribute(rawValue: attribute) else { continue }
                        let path = attributes.keyPath(attribute)
                        add(.setCookie(glob, field), try predicate(predicateNode, path), path, predicateNode)
                    }
                }
            case "tls":
                let entries = try MappingFields(
                    value, path: keyPath, known: TLSField.allCases.map(\.rawValue), reader: reader)
                for (name, _, predicateNode) in entries.all {
                    guard let field = TLSField(rawValue: name) else { continue }
                    let path = entries.keyPath(name)
                    add(.tls(field), try predicate(predicateNode, path), path, predicateNode)
                }
            case "response_headers":
                add(.responseHeaders, try predicate(value, keyPath), keyPath, value)
            case "body":
                add(.body, try predicate(value, keyPath), keyPath, value)
            case "body_size":
                add(.bodySize, try predicate(value, keyPath), keyPath, value)
            case "jsonpath", "xpath":
                for (index, item) in try ScalarReading.list(value, key: keyPath, reader: reader).enumerated() {
                    let itemPath = "\(keyPath)[\(index)]"
                    let (query, checked) = try query(item, kind: key, path: itemPath, scope: scope)
                    add(query, .predicate(checked), itemPath, item)
                }
            default:
                let limit = try ScalarReading.duration(value, key: keyPath, rule: .timeout, reader: reader)
                add(key == "max_duration" ? .duration : .timeToFirstByte, .under(limit), keyPath, value)
            }
        }
        return assertions
    }

    /// A `headers:` entry: a predicate on the header's values, or with `extract: REGEX` on what the regex finds
    /// in them (`Strict-Transport-Security: { extract: "max-age=(\\d+)", ge: 15552000 }`).
    private static func header(
        _ name: String, _ node: Node, path: String, scope: VariableScope
    ) throws(ScenarioError) -> (ResponseQuery, Predicate) {
        guard case .mapping = node else {
            return (.header(name), try PredicateLoading.predicate(node, path: path, scope: scope))
        }
        let fields = try MappingFields(
            node, path: path, known: ["extract"] + PredicateLoading.keys, reader: scope.reader)
        guard let extract = fields.value("extract") else {
            return (.header(name), try PredicateLoading.predicate(node, path: path, scope: scope))
        }
        let (pattern, groups) = try QueryCompiling.regex(extract, key: fields.keyPath("extract"), scope: scope)
        let predicate = try PredicateLoading.predicate(fields, scope: scope)
        guard !predicate.conditions.isEmpty else {
            throw scope.reader.error(
                at: node, key: path,
                "say what to check of what 'extract' finds: one of \(PredicateLoading.keys.joined(separator: ", "))")
        }
        return (.headerPart(name, pattern, group: groups > 0 ? 1 : 0), predicate)
    }

    /// `- path: $.data` plus predicate keys on the same map.
    private static func query(
        _ node: Node, kind: String, path: String, scope: VariableScope
    ) throws(ScenarioError) -> (ResponseQuery, Predicate) {
        let reader = scope.reader
        let fields = try MappingFields(node, path: path, known: ["path"] + PredicateLoading.keys, reader: reader)
        let pathNode = try fields.required("path")
        let text = try ScalarReading.string(pathNode, key: fields.keyPath("path"), reader: reader)
        let predicate = try PredicateLoading.predicate(fields, scope: scope)
        guard !predicate.conditions.isEmpty else {
            throw reader.error(
                at: node, key: path, "say what to check: one of \(PredicateLoading.keys.joined(separator: ", "))")
        }
        if kind == "jsonpath" {
            let query = try QueryCompiling.jsonPathQuery(text, at: pathNode, key: fields.keyPath("path"), scope: scope)
            return (.jsonPath(query), predicate)
        }
        let query = try QueryCompiling.xPathQuery(text, at: pathNode, key: fields.keyPath("path"), scope: scope)
        return (.xPath(query), predicate)
    }

    /// `200`, `2xx`, `[200, 302]`, `{ not: 5xx }` or `{ not: [500, 503] }`.
    static func status(_ node: Node, key: String, reader: YAMLReader) throws(ScenarioError) -> StatusExpectation {
        if case .mapping = node {
            let fields = try MappingFields(node, path: key, known: ["not"], reader: reader)
            let codes = try statusCodes(try fields.required("not"), key: fields.keyPath("not"), reader: reader)
            return StatusExpectation(codes: codes, negated: true)
        }
        return StatusExpectation(codes: try statusCodes(node, key: key, reader: reader))
    }

    private static func statusCodes(
        _ node: Node, key: String, reader: YAMLReader
    ) throws(ScenarioError) -> [StatusExpectation.Code] {
        var codes: [StatusExpectation.Code] = []
        for item in ScalarReading.oneOrMany(node) {
            let text = try ScalarReading.string(item, key: key, reader: reader).lowercased()
            if let code = Int(text), (100...599).contains(code) {
                codes.append(.exact(code))
            } else if text.count == 3, text.hasSuffix("xx"), let digit = Int(text.prefix(1)), (1...5).contains(digit) {
                codes.append(.family(digit))
            } else {
                throw reader.error(
                    at: item, key: key, "expected a status code (100–599) or a class such as 2xx, found '\(text)'")
            }
        }
        guard !codes.isEmpty else { throw reader.error(at: node, key: key, "give at least one status") }
        return codes
    }
}
