import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One `Set-Cookie` header of a response, read for the attributes a production check asks about (RFC 6265:
/// `name=value`, then `;`-separated attributes whose names compare without case).
struct SetCookieLine {
    let name: String
    /// Attribute names in lower case, with their values as written (empty for flags such as `Secure`).
    let attributes: [String: String]

    init(_ line: String) {
        let parts = line.split(separator: ";", omittingEmptySubsequences: false)
        name =
            parts.first.map { String($0.split(separator: "=", maxSplits: 1).first ?? "") }?
            .trimmingCharacters(in: .whitespaces) ?? ""
        var attributes: [String: String] = [:]
        for part in parts.dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard let key = pair.first?.trimmingCharacters(in: .whitespaces).lowercased(), !key.isEmpty else {
                continue
            }
            attributes[key] = pair.count > 1 ? pair[1].trimmingCharacters(in: .whitespaces) : ""
        }
        self.attributes = attributes
    }

    static func all(in response: HTTPResponse) -> [SetCookieLine] {
        response.headerValues("Set-Cookie").map(SetCookieLine.init)
    }

    /// Whether the cookie's name matches `glob` (`*_session`, `XSRF-TOKEN`), as a shell pattern.
    func name(matches glob: String) -> Bool {
        fnmatch(glob, name, 0) == 0
    }

    func value(of attribute: SetCookieAttribute) -> JSONValue {
        switch attribute {
        case .secure: .bool(attributes["secure"] != nil)
        case .httpOnly: .bool(attributes["httponly"] != nil)
        case .sameSite: attributes["samesite"].map(JSONValue.string) ?? .null
        }
    }
}
