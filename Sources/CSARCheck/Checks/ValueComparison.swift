/// Loose but predictable comparison between a selected value and an expected literal: numbers compare
/// as numbers (also when the selected value is numeric text, as XPath and headers give), else as text.
enum ValueComparison {
    static func number(_ value: JSONValue) -> Double? {
        switch value {
        case .number(let number): number
        case .string(let text): Double(text.trimmingEdges(of: " \t\n"))
        default: nil
        }
    }

    static func text(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): text
        case .number(let number): NumberFormatting.shortest(number)
        case .bool(let flag): String(flag)
        case .null: "null"
        default: value.jsonText
        }
    }

    static func equal(_ actual: JSONValue, _ expected: JSONValue) -> Bool {
        switch (actual, expected) {
        case (_, .number(let wanted)):
            return number(actual) == wanted
        case (.string(let text), .bool(let flag)):
            return text == String(flag)
        case (.string(let text), .null):
            return text == "null"
        case (.string(let text), .string(let wanted)):
            return text == wanted
        case (.number, .string(let wanted)):
            return text(actual) == wanted
        default:
            return actual == expected
        }
    }

    static func compare(_ actual: JSONValue, _ op: ComparisonOperator, _ expected: JSONValue) -> Bool {
        if let lhs = number(actual), let rhs = number(expected) {
            return apply(op, lhs, rhs)
        }
        guard case .string(let lhs) = actual, case .string(let rhs) = expected else { return false }
        return apply(op, lhs, rhs)
    }

    private static func apply<T: Comparable>(_ op: ComparisonOperator, _ lhs: T, _ rhs: T) -> Bool {
        switch op {
        case .lt: lhs < rhs
        case .le: lhs <= rhs
        case .gt: lhs > rhs
        case .ge: lhs >= rhs
        }
    }

    /// Substring for text, membership for arrays.
    static func contains(_ actual: JSONValue, _ needle: String) -> Bool {
        if case .array(let items) = actual {
            return items.contains { equal($0, .string(needle)) }
        }
        return text(actual).contains(needle)
    }
}
