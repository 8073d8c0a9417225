// The function extensions RFC 9535 §2.4 defines, with their declared types.

extension JSONPath {
    /// The types of RFC 9535's function type system.
    enum FunctionType: String, Sendable {
        /// A JSON value or Nothing.
        case value = "ValueType"
        /// True or false.
        case logical = "LogicalType"
        /// A nodelist.
        case nodes = "NodesType"
    }

    /// A function argument or result at evaluation time, shaped by its FunctionType.
    enum FunctionValue {
        /// `nil` is Nothing: no value, e.g. from a singular query that selected no node.
        case value(JSONValue?)
        case logical(Bool)
        case nodes([JSONValue])

        /// The value; the type checker guarantees this is only read from ValueType results.
        var value: JSONValue? {
            if case .value(let value) = self { value } else { nil }
        }

        /// The logical result; the type checker guarantees this is only read from LogicalType results.
        var logical: Bool {
            if case .logical(let flag) = self { flag } else { false }
        }

        /// The nodelist; the type checker guarantees this is only read from NodesType arguments.
        var nodes: [JSONValue] {
            if case .nodes(let nodes) = self { nodes } else { [] }
        }
    }

    enum Function: String, CaseIterable, Sendable {
        case length
        case count
        case match
        case search
        case value

        var parameterTypes: [FunctionType] {
            switch self {
            case .length: [.value]
            case .count, .value: [.nodes]
            case .match, .search: [.value, .value]
            }
        }

        var resultType: FunctionType {
            switch self {
            case .length, .count, .value: .value
            case .match, .search: .logical
            }
        }

        /// Applies the function to arguments that already have the declared parameter types.
        func evaluate(_ arguments: [FunctionValue], regexes: RegexCache) -> FunctionValue {
            switch self {
            case .length:
                return .value(Self.length(of: arguments[0].value))
            case .count:
                return .value(.number(Double(arguments[0].nodes.count)))
            case .value:
                let nodes = arguments[0].nodes
                return .value(nodes.count == 1 ? nodes[0] : nil)
            case .match, .search:
                // Non-string arguments are not an error: the function is simply false for them.
                guard case .string(let subject) = arguments[0].value,
                    case .string(let pattern) = arguments[1].value
                else {
                    return .logical(false)
                }
                let regex = regexes.regex(for: pattern, wholeString: self == .match)
                return .logical(regex.matches(subject))
            }
        }

        /// Strings count Unicode scalar values (not grapheme clusters), as RFC 9535 §2.4.4 specifies.
        private static func length(of value: JSONValue?) -> JSONValue? {
            switch value {
            case .string(let string): .number(Double(string.unicodeScalars.count))
            case .array(let elements): .number(Double(elements.count))
            case .object(let object): .number(Double(object.count))
            default: nil
            }
        }
    }

    /// Compiled I-Regexps by pattern. It starts with the patterns written as literals in the query, compiled once
    /// when the query is, and adds patterns taken from the document as evaluation meets them.
    final class RegexCache {
        private var regexes: [IRegexp.Key: IRegexp]

        init(_ precompiled: [IRegexp.Key: IRegexp]) {
            regexes = precompiled
        }

        func regex(for pattern: String, wholeString: Bool) -> IRegexp {
            let key = IRegexp.Key(pattern: pattern, wholeString: wholeString)
            if let regex = regexes[key] {
                return regex
            }
            let regex = IRegexp(pattern, wholeString: wholeString)
            regexes[key] = regex
            return regex
        }
    }
}
