import Foundation

/// A `Set-Cookie` header value written the way Symfony (and so Laravel) writes it:
/// `name=value; expires=…; Max-Age=…; path=/; secure; httponly; samesite=lax` (`secure` when the site is served
/// over HTTPS, as with `SESSION_SECURE_COOKIE=true`).
struct SetCookie {
    var name: String
    /// Already percent-encoded where needed; written as is.
    var value: String
    var maxAgeSeconds: Int
    var httpOnly: Bool
    var secure = false

    func headerValue(now: Date = Date()) -> String {
        let expires = HTTPDate.format(now.addingTimeInterval(TimeInterval(maxAgeSeconds)))
        var header = "\(name)=\(value); expires=\(expires); Max-Age=\(maxAgeSeconds); path=/"
        if secure {
            header += "; secure"
        }
        if httpOnly {
            header += "; httponly"
        }
        return header + "; samesite=lax"
    }
}
