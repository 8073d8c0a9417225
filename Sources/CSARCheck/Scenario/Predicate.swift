/// Conditions that all must hold for the values a check selects (a JSONPath nodelist, XPath nodes,
/// header values, the body). Written in YAML as a map: `{ gt: 0 }`, `{ each: { type: number } }`.
public struct Predicate: Sendable {
    public var conditions: [Condition]

    public init(_ conditions: [Condition]) {
        self.conditions = conditions
    }
}

public enum ComparisonOperator: String, Sendable, CaseIterable {
    case lt, le, gt, ge

    var symbol: String {
        switch self {
        case .lt: "<"
        case .le: "<="
        case .gt: ">"
        case .ge: ">="
        }
    }
}

/// One condition of a predicate.
public indirect enum Condition: Sendable {
    case equals(ExpectedValue)
    case notEquals(ExpectedValue)
    case compare(ComparisonOperator, ExpectedValue)
    case matches(QueryPath<RegexPattern>)
    case notMatches(QueryPath<RegexPattern>)
    case contains(Template)
    case notContains(Template)
    /// Whether anything was selected at all.
    case exists(Bool)
    /// JSON type name: null, boolean, number, string, array, object.
    case type(String)
    case inRange(lower: Double, upper: Double)
    case oneOf([ExpectedValue])
    /// The number of values (the element count when a single array or object is selected).
    case count(Predicate)
    /// Every value (every element when a single array is selected) satisfies the predicate.
    case each(Predicate)
    /// No two values are equal.
    case unique(Bool)
}

/// A literal from the file to compare with: YAML numbers, booleans and null keep their type.
public enum ExpectedValue: Sendable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(Template)

    public var description: String {
        switch self {
        case .null: "null"
        case .bool(let value): String(value)
        case .number(let value): NumberFormatting.shortest(value)
        case .string(let template): "\"\(template.source)\""
        }
    }
}
