import Foundation

/// Replaces secret values — passwords, tokens, cookies, Authorization — with a mask wherever text is
/// about to be shown or written. Secrets are also recognised in their percent-encoded form, as they
/// travel in form bodies and URLs.
public final class SecretMasker: @unchecked Sendable {
    public static let mask = "••••••"
    /// Headers whose values are always masked, whatever their content.
    static let sensitiveHeaders: Set<String> = [
        "authorization", "proxy-authorization", "cookie", "set-cookie", "x-xsrf-token", "x-csrf-token", "x-api-key",
    ]
    /// Field and variable names that hold credentials by convention.
    static let sensitiveNamePattern = try? RegexPattern("(?i)(pass(word|wd)?|secret|token|api[_-]?key|session)")

    private let lock = NSLock()
    private var secrets: Set<String> = []

    public init(secrets: [String] = []) {
        secrets.forEach(add)
    }

    public func add(_ secret: String) {
        guard !secret.isEmpty else { return }
        lock.withLock {
            secrets.insert(secret)
            for encoded in Self.encodedForms(of: secret) { secrets.insert(encoded) }
        }
    }

    public func mask(_ text: String) -> String {
        let current = lock.withLock { secrets.sorted { $0.count > $1.count } }
        var masked = text
        for secret in current where masked.contains(secret) {
            masked = masked.replacingOccurrences(of: secret, with: Self.mask)
        }
        return masked
    }

    /// A header as it may be shown: sensitive values hidden (a cookie keeps its name and attributes).
    public func mask(_ header: HTTPHeader) -> HTTPHeader {
        let name = header.name.lowercased()
        guard Self.sensitiveHeaders.contains(name) else { return HTTPHeader(header.name, mask(header.value)) }
        if name == "set-cookie", let equals = header.value.firstIndex(of: "=") {
            let attributes = header.value[equals...].firstIndex(of: ";").map { String(header.value[$0...]) } ?? ""
            return HTTPHeader(header.name, "\(header.value[..<equals])=\(Self.mask)\(attributes)")
        }
        return HTTPHeader(header.name, Self.mask)
    }

    /// A transport error as it may be shown: its URL and libcurl's text masked (a bypass secret in a path).
    public func mask(_ error: TransportError) -> TransportError {
        var masked = error
        masked.url = mask(error.url)
        masked.message = mask(error.message)
        return masked
    }

    static func isSensitiveName(_ name: String) -> Bool {
        sensitiveNamePattern?.matches(name) ?? false
    }

    private static func encodedForms(of secret: String) -> [String] {
        [
            FormEncoding.encode(secret),
            secret.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? secret,
            secret.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? secret,
        ].filter { $0 != secret }
    }
}
