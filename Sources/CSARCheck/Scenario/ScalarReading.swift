import Foundation
import Yams

/// Reads typed scalars out of YAML nodes, with located errors.
enum ScalarReading {
    static func string(_ node: Node, key: String, reader: YAMLReader) throws(ScenarioError) -> String {
        guard case .scalar(let scalar) = node else {
            throw reader.error(at: node, key: key, "expected a string, found \(node.kindName)")
        }
        return scalar.string
    }

    static func template(_ node: Node, key: String, reader: YAMLReader) throws(ScenarioError) -> Template {
        let text = try string(node, key: key, reader: reader)
        do {
            return try Template(parsing: text)
        } catch {
            throw reader.error(at: node, key: key, error.message)
        }
    }

    /// A templated URL whose literal start, when it names a scheme, names http or https: `file:///…`,
    /// `ftp://…` and the like are refused here, before anything is sent (and by libcurl, if a variable
    /// brings one at run time).
    static func url(_ node: Node, key: String, reader: YAMLReader) throws(ScenarioError) -> Template {
        let template = try template(node, key: key, reader: reader)
        if case .literal(let start)? = template.parts.first, let problem = HTTPRequest.schemeProblem(start) {
            throw reader.error(at: node, key: key, problem)
        }
        return template
    }

    /// A plain (unquoted) scalar that YAML resolves to null, a boolean or a number; nil for a string.
    enum PlainValue: Equatable {
        case null
        case bool(Bool)
        /// The number as JSON writes it: the text as written when it is a JSON number, else its value.
        case number(text: String, value: Double)
    }

    /// What a plain scalar is, as YAML's resolver says. Numbers are read from the text, never through Yams'
    /// `Node.int`, which traps on a base-60 integer that overflows (`9999999999999:59:59:59:59:59`).
    static func plainValue(_ node: Node) -> PlainValue? {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return nil }
        if node.null != nil { return .null }
        if let bool = node.bool { return .bool(bool) }
        let numeric = [Tag.Name.int.rawValue, Tag.Name.float.rawValue].contains(node.tag.rawValue)
        guard numeric, let value = Double(scalar.string) else { return nil }
        if scalar.string.wholeMatch(of: /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/) != nil {
            return .number(text: scalar.string, value: value)
        }
        return value.isFinite ? .number(text: NumberFormatting.shortest(value), value: value) : nil
    }

    static func bool(_ node: Node, key: String, reader: YAMLReader) throws(ScenarioError) -> Bool {
        guard case .scalar = node, let value = node.bool else {
            throw reader.error(at: node, key: key, "expected true or false, found \(describe(node))")
        }
        return value
    }

    static func number(_ node: Node, key: String, reader: YAMLReader) throws(ScenarioError) -> Double {
        guard case .scalar(let scalar) = node, let value = Double(scalar.string.trimmingEdges(of: " ")) else {
            throw reader.error(at: node, key: key, "expected a number, found \(describe(node))")
        }
        return value
    }

    static func integer(
        _ node: Node, key: String, in range: ClosedRange<Int>, reader: YAMLReader
    ) throws(ScenarioError) -> Int {
        guard case .scalar(let scalar) = node, let value = Int(scalar.string) else {
            throw reader.error(at: node, key: key, "expected a whole number, found \(describe(node))")
        }
        guard range.contains(value) else {
            throw reader.error(at: node, key: key, "\(value) is out of range \(range.lowerBound)...\(range.upperBound)")
        }
        return value
    }

    /// `2s`, `500ms`, `1.5s`, `1m`, or a bare number of seconds, checked by `rule`.
    static func duration(
        _ node: Node, key: String, rule: DurationRule, reader: YAMLReader
    ) throws(ScenarioError) -> Double {
        let text = try string(node, key: key, reader: reader)
        guard let seconds = DurationText.seconds(text), rule.problem(seconds) == nil else {
            throw reader.error(at: node, key: key, "expected \(rule.range), found '\(text)'")
        }
        return seconds
    }

    static func list(_ node: Node, key: String, reader: YAMLReader) throws(ScenarioError) -> [Node] {
        guard case .sequence(let sequence) = node else {
            throw reader.error(at: node, key: key, "expected a list, found \(node.kindName)")
        }
        return Array(sequence)
    }

    /// A scalar as a list of one, or a list as it is: for keys that take either (`contains: a`).
    static func oneOrMany(_ node: Node) -> [Node] {
        if case .sequence(let sequence) = node { Array(sequence) } else { [node] }
    }

    static func describe(_ node: Node) -> String {
        if case .scalar(let scalar) = node { "'\(scalar.string)'" } else { node.kindName }
    }
}
