internal import CLibXML

/// The result of evaluating an ``XPathExpression``.
public enum XPathValue: Sendable, Equatable {
    /// A node-set, as the XPath string-value of each node in document order
    /// (an element's text content, an attribute's value).
    case nodes([String])
    /// The result of a boolean expression, such as `boolean(//form)` or `count(//li) > 2`.
    case boolean(Bool)
    /// The result of a numeric expression, such as `count(//li)` or `sum(//price)`.
    case number(Double)
    /// The result of a string expression, such as `string(//input[@name='_token']/@value)`.
    case string(String)

    /// The number of selected nodes, or `nil` when the expression did not select nodes (e.g. `count(//a)`).
    public var count: Int? {
        if case .nodes(let nodes) = self {
            return nodes.count
        }
        return nil
    }

    /// The first selected node's string-value, or ``stringValue`` for a non-node result;
    /// `nil` only when the expression selected no nodes.
    public var firstString: String? {
        if case .nodes(let nodes) = self {
            return nodes.first
        }
        return stringValue
    }

    /// The value converted with XPath's `string()`: the first node's string-value ("" if none),
    /// "true"/"false", and numbers as XPath writes them ("3", not "3.0"; "3000000000", not "3e+09").
    public var stringValue: String {
        switch self {
        case .nodes(let nodes):
            return nodes.first ?? ""
        case .boolean(let boolean):
            return boolean ? "true" : "false"
        case .number(let number):
            return Self.xpathString(from: number)
        case .string(let string):
            return string
        }
    }

    /// The value converted with libxml2's `number()`: surrounding whitespace is ignored, and strings that are not
    /// decimal numbers (libxml2 also accepts an exponent, as in "1e3") become NaN.
    public var numberValue: Double {
        switch self {
        case .boolean(let boolean):
            return boolean ? 1 : 0
        case .number(let number):
            return number
        case .nodes, .string:
            return stringValue.withCString { cxml_string_to_number($0) }
        }
    }

    /// The value converted with XPath's `boolean()`: a non-empty node-set or string, a number other than 0 and NaN.
    public var boolValue: Bool {
        switch self {
        case .nodes(let nodes):
            return !nodes.isEmpty
        case .boolean(let boolean):
            return boolean
        case .number(let number):
            return number != 0 && !number.isNaN
        case .string(let string):
            return !string.isEmpty
        }
    }
}
