internal import CLibXML

/// An XPath expression that does not compile or cannot be evaluated.
public struct XPathError: Error, CustomStringConvertible, Equatable {
    /// The expression as written in the scenario.
    public let expression: String
    /// libxml2's reason, e.g. "Invalid expression" or "Unregistered function".
    public let reason: String
    /// 1-based character position of a syntax error within ``expression``, when libxml2 reports one.
    public let position: Int?

    init(expression: String, reason: String, position: Int? = nil) {
        self.expression = expression
        self.reason = reason
        self.position = position
    }

    /// Builds the error from the shim's report and frees the report's message.
    init(expression: String, taking error: inout cxml_error) {
        let reason = takeLibXMLString(error.message) ?? "XPath evaluation failed"
        error.message = nil
        self.init(
            expression: expression, reason: reason,
            position: Self.characterPosition(
                ofByte: Int(error.column), in: expression))
    }

    /// E.g. "Invalid expression in XPath '//input[@name=' at character 15".
    public var description: String {
        "\(reason) in XPath '\(expression)'" + (position.map { " at character \($0)" } ?? "")
    }

    /// libxml2 reports byte offsets into the UTF-8 expression; people count characters.
    private static func characterPosition(ofByte bytePosition: Int, in expression: String) -> Int? {
        guard bytePosition > 0 else {
            return nil
        }
        let prefix = expression.utf8.prefix(bytePosition - 1)
        return String(decoding: prefix, as: UTF8.self).count + 1
    }
}
