internal import CLibXML

/// A parsed HTML or XML response body that ``XPathExpression``s can be evaluated against.
///
/// The document is immutable once parsed, so one instance may be evaluated from several threads at once.
public final class MarkupDocument: @unchecked Sendable {
    /// The `cxml_doc` owned by this instance.
    let handle: OpaquePointer

    private init(handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        cxml_doc_free(handle)
    }

    /// Parses an HTML page the way a browser would: malformed markup is repaired rather than rejected,
    /// and an empty body gives an empty document.
    ///
    /// - Parameter encoding: The charset from the response's `Content-Type`, if any. Without it, a body that is
    ///   valid UTF-8 is read as UTF-8; otherwise libxml2 looks for `<meta charset>` and falls back to ISO-8859-1.
    /// - Throws: ``MarkupParseError`` only when libxml2 cannot produce a document at all (e.g. out of memory).
    public static func html(_ bytes: [UInt8], encoding: String? = nil) throws(MarkupParseError) -> MarkupDocument {
        // libxml2 would otherwise decode a UTF-8 page without <meta charset> as ISO-8859-1.
        let encoding = encoding ?? (isValidUTF8(bytes) ? "UTF-8" : nil)
        return try parse(bytes, format: .html) { buffer, error in
            if let encoding {
                return encoding.withCString { cxml_parse_html(buffer.baseAddress, buffer.count, $0, error) }
            }
            return cxml_parse_html(buffer.baseAddress, buffer.count, nil, error)
        }
    }

    /// Parses a well-formed XML document.
    ///
    /// External entities and DTDs are never loaded (no XXE, no network access).
    /// - Throws: ``MarkupParseError`` with libxml2's message and position when the XML is not well-formed.
    public static func xml(_ bytes: [UInt8]) throws(MarkupParseError) -> MarkupDocument {
        try parse(bytes, format: .xml) { buffer, error in
            cxml_parse_xml(buffer.baseAddress, buffer.count, error)
        }
    }

    /// Written out because `String(validating:as:)` needs macOS 15 and the package supports macOS 14.
    private static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue:
                continue
            case .emptyInput:
                return true
            case .error:
                return false
            }
        }
    }

    private static func parse(
        _ bytes: [UInt8],
        format: MarkupParseError.Format,
        with parser: (UnsafeBufferPointer<UInt8>, UnsafeMutablePointer<cxml_error>) -> OpaquePointer?
    ) throws(MarkupParseError) -> MarkupDocument {
        var error = cxml_error()
        let handle = bytes.withUnsafeBufferPointer { parser($0, &error) }
        guard let handle else {
            throw MarkupParseError(format: format, taking: &error)
        }
        return MarkupDocument(handle: handle)
    }
}
