/// XPath 1.0 has no escape sequences: a string with both quote kinds must be built with concat().
enum XPathLiteral {
    static func quote(_ text: String) -> String {
        if !text.contains("'") { return "'\(text)'" }
        if !text.contains("\"") { return "\"\(text)\"" }
        return "concat('" + text.replacingOccurrences(of: "'", with: "', \"'\", '") + "')"
    }
}
