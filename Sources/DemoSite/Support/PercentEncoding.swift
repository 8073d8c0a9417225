import Foundation

/// `rawurlencode`-style escaping, the way Symfony writes cookie values and Laravel builds URLs.
enum PercentEncoding {
    /// RFC 3986 unreserved characters; everything else is escaped.
    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
    )

    static func encode(_ value: String) -> String {
        // Only fails for unpaired surrogates, which a Swift String cannot hold; the fallback is just type-safety.
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    /// Decodes `%XX` escapes; malformed escapes leave the text untouched, as PHP's `urldecode` does.
    static func decode(_ value: String) -> String {
        value.removingPercentEncoding ?? value
    }

    /// Decodes one `application/x-www-form-urlencoded` component, where `+` stands for a space.
    static func decodeFormComponent<S: StringProtocol>(_ value: S) -> String {
        decode(value.replacingOccurrences(of: "+", with: " "))
    }
}
