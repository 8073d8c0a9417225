// The compiled form of a JSONPath query (RFC 9535). The parser produces it already type-checked, so the
// evaluator can trust, for example, that a comparison only ever sees singular queries.

extension JSONPath {
    /// `$` or `@` followed by segments.
    struct Query: Sendable {
        enum Root: Sendable {
            /// `$`: the document root.
            case document
            /// `@`: the node a filter is currently looking at.
            case currentNode
        }

        let root: Root
        let segments: [Segment]

        /// A singular query selects at most one node: it consists only of single name or index selectors.
        var isSingular: Bool {
            segments.allSatisfy(\.isSingular)
        }
    }

    /// A child segment (`.name`, `[...]`) or a descendant segment (`..name`, `..[...]`).
    struct Segment: Sendable {
        let isDescendant: Bool
        let selectors: [Selector]

        var isSingular: Bool {
            guard !isDescendant, selectors.count == 1 else { return false }
            switch selectors[0] {
            case .name, .index: return true
            case .wildcard, .slice, .filter: return false
            }
        }
    }

    enum Selector: Sendable {
        case name(String)
        case wildcard
        case index(Int)
        case slice(start: Int?, end: Int?, step: Int?)
        case filter(LogicalExpression)
    }

    /// A filter condition: RFC 9535's `logical-expr`, whose result is LogicalType.
    indirect enum LogicalExpression: Sendable {
        case or([LogicalExpression])
        case and([LogicalExpression])
        case not(LogicalExpression)
        case comparison(Operand, Comparison, Operand)
        /// A query used as a test: true when it selects at least one node.
        case exists(Query)
        /// A call to a function whose result is LogicalType.
        case test(FunctionCall)
    }

    /// Something that produces a single value or Nothing: the sides of a comparison and ValueType arguments.
    enum Operand: Sendable {
        case literal(JSONValue)
        case singularQuery(Query)
        /// A call to a function whose result is ValueType.
        case function(FunctionCall)
    }

    enum Comparison: String, Sendable {
        case equal = "=="
        case notEqual = "!="
        case less = "<"
        case lessOrEqual = "<="
        case greater = ">"
        case greaterOrEqual = ">="
    }

    struct FunctionCall: Sendable {
        let function: Function
        /// One argument per declared parameter, each already converted to the parameter's type.
        let arguments: [FunctionArgument]
    }

    enum FunctionArgument: Sendable {
        case value(Operand)
        case nodes(Query)
        case logical(LogicalExpression)
    }
}
