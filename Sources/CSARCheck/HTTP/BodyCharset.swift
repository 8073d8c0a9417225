import Foundation

/// The character encoding of a response body, and its text decoded with it, as browsers find it: the
/// `charset` of the Content-Type, else UTF-8 when the bytes are valid UTF-8, else a `<meta charset>` (or
/// `http-equiv` Content-Type) among the page's first 1024 bytes. ISO-8859-1, ASCII and windows-1252 all decode as
/// windows-1252 (the WHATWG Encoding Standard's rule); any other name, or none, decodes as UTF-8 with invalid
/// sequences replaced.
enum BodyCharset {
    /// The `charset` parameter of a Content-Type value, unquoted, or nil.
    static func parameter(of contentType: String) -> String? {
        let lowered = contentType.lowercased()
        guard let range = lowered.range(of: "charset=") else { return nil }
        let value = lowered[range.upperBound...].prefix { $0 != ";" && $0 != " " }.trimmingEdges(of: "\"'")
        return value.isEmpty ? nil : value
    }

    /// The body's text, decoded by the charset it declares or carries.
    static func text(of body: [UInt8], contentType: String?) -> String {
        let declared = contentType.flatMap(parameter(of:))
        if declared == nil, let text = String(validating: body, as: UTF8.self) { return text }
        let name = declared ?? metaCharset(in: body)
        if let name, windows1252Names.contains(name) { return windows1252(body) }
        return String(decoding: body, as: UTF8.self)
    }

    static let windows1252Names: Set<String> = [
        "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1",
        "us-ascii", "ascii", "cp819", "ibm819",
    ]

    /// `charset=NAME` in the first 1024 bytes, as in `<meta charset="NAME">` or `content="text/html; charset=NAME"`.
    static func metaCharset(in body: [UInt8]) -> String? {
        let head = String(decoding: body.prefix(1024).map { $0 < 0x80 ? $0 : UInt8(ascii: " ") }, as: UTF8.self)
            .lowercased()
        guard head.contains("<meta"), let range = head.range(of: "charset=") else { return nil }
        let name = head[range.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
            .prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ":" }
        return name.isEmpty ? nil : String(name)
    }

    /// Bytes 0x80–0x9F are the windows-1252 punctuation (€, ‘, ’, —…); the others are Latin-1.
    static func windows1252(_ body: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(body.count)
        for byte in body {
            let value = byte >= 0x80 && byte < 0xA0 ? high[Int(byte - 0x80)] : UInt32(byte)
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(scalars)
    }

    /// windows-1252 0x80–0x9F; the five bytes it leaves undefined map to the C1 controls, as WHATWG says.
    private static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178,
    ]
}
