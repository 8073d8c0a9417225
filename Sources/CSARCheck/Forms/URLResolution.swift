import Foundation

/// Resolves URLs written in a page (a form's action, `<base href>`) against the page's URL, as a browser
/// does: surrounding spaces dropped, tabs and newlines removed, spaces and non-ASCII percent-encoded.
enum URLResolution {
    static func resolve(_ reference: String, against base: String) -> String? {
        let cleaned = reference.trimmingEdges(of: " \t\n\r\u{0C}").filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
        guard let baseURL = URL(string: base), let url = URL(string: encodeInvalid(cleaned), relativeTo: baseURL) else {
            return nil
        }
        return url.absoluteURL.standardized.absoluteString
    }

    /// The URL without its `#fragment`, which is never sent.
    static func withoutFragment(_ url: String) -> String {
        url.firstIndex(of: "#").map { String(url[..<$0]) } ?? url
    }

    /// The URL without its query and fragment: a GET form replaces the action's query with its fields.
    static func withoutQuery(_ url: String) -> String {
        let cut = withoutFragment(url)
        return cut.firstIndex(of: "?").map { String(cut[..<$0]) } ?? cut
    }

    /// Percent-encodes what a URL may not hold as written (spaces, quotes, non-ASCII), keeping `%` escapes.
    private static func encodeInvalid(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            if byte > 0x20, byte < 0x7F, !"\"<>\\^`{|}".utf8.contains(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return result
    }
}
