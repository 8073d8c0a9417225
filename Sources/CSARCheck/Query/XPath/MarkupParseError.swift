internal import CLibXML

/// A response body that could not be parsed as HTML or XML.
public struct MarkupParseError: Error, CustomStringConvertible, Equatable {
    /// The markup language a document was parsed as.
    public enum Format: String, Sendable {
        case html = "HTML"
        case xml = "XML"
    }

    /// What the body was parsed as.
    public let format: Format
    /// libxml2's description of the first error, e.g. "Opening and ending tag mismatch: p line 1 and div".
    public let message: String
    /// 1-based line of the error, when known.
    public let line: Int?
    /// 1-based column of the error, when known.
    public let column: Int?

    /// Builds the error from the shim's report and frees the report's message.
    init(format: Format, taking error: inout cxml_error) {
        self.format = format
        message = takeLibXMLString(error.message) ?? "unknown error"
        error.message = nil
        line = error.line > 0 ? Int(error.line) : nil
        column = error.column > 0 ? Int(error.column) : nil
    }

    /// E.g. "XML parse error at line 3, column 7: Opening and ending tag mismatch: p line 2 and div".
    public var description: String {
        var location = ""
        if let line {
            location = " at line \(line)" + (column.map { ", column \($0)" } ?? "")
        }
        return "\(format.rawValue) parse error\(location): \(message)"
    }
}
