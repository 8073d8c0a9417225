/// A compiled JSONPath query (RFC 9535), e.g. `$.store.book[?@.price < 10].title`.
///
/// Compile once and reuse: compiling validates the whole expression, including the function type rules and
/// regular expressions written as literals, so evaluation itself cannot fail.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    /// The expression as written.
    public let expression: String
    private let compiled: Query
    private let literalRegexes: [IRegexp.Key: IRegexp]

    /// Compiles `expression`, throwing a `JSONPathError` that points at the offending character.
    public init(_ expression: String) throws(JSONPathError) {
        let parsed = try JSONPathParser.parse(expression)
        self.expression = expression
        compiled = parsed.query
        literalRegexes = parsed.regexes
    }

    /// Whether the query can select at most one node, i.e. it uses only single name and index selectors.
    public var isSingular: Bool {
        compiled.isSingular
    }

    /// The values of the selected nodes, in RFC 9535 nodelist order.
    public func query(_ root: JSONValue) -> [JSONValue] {
        evaluator(for: root).select(compiled, at: UntrackedLocation(), current: root).map(\.value)
    }

    /// The selected nodes with their Normalized Paths (RFC 9535 §2.7), e.g. `$['store']['book'][0]`.
    public func queryPaths(_ root: JSONValue) -> [(path: String, value: JSONValue)] {
        evaluator(for: root).select(compiled, at: NormalizedPath.root, current: root).map {
            (path: $0.location.text, value: $0.value)
        }
    }

    public var description: String {
        expression
    }

    /// Two paths are equal when their expressions are identical, character for character.
    public static func == (lhs: JSONPath, rhs: JSONPath) -> Bool {
        ExactString(lhs.expression) == ExactString(rhs.expression)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ExactString(expression))
    }

    private func evaluator(for root: JSONValue) -> Evaluator {
        Evaluator(root: root, regexes: RegexCache(literalRegexes))
    }
}

/// Why a JSONPath expression could not be compiled, and where.
public struct JSONPathError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What went wrong, e.g. "unexpected ']', expected a selector".
    public let message: String
    /// Zero-based position of the problem in the expression, counted in characters (Unicode scalars).
    public let offset: Int
    /// The expression that failed to compile.
    public let expression: String

    public init(message: String, offset: Int, expression: String) {
        self.message = message
        self.offset = offset
        self.expression = expression
    }

    /// One line, e.g. "unexpected ']', expected a selector at offset 7".
    public var description: String {
        "\(message) at offset \(offset)"
    }

    /// The expression with a caret under the problem, for multi-line reports:
    ///
    ///     $.store[]
    ///             ^ empty brackets: expected a selector
    public var diagnostic: String {
        expression + "\n" + String(repeating: " ", count: offset) + "^ " + message
    }
}
