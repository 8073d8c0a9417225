import Foundation

/// Replaces secret values — passwords, tokens, cookies, Authorization — with a mask wherever text is
/// about to be shown or written. A secret is also recognised in the forms it travels in: percent- and
/// form-encoded (bodies, URLs, cookies), HTML-escaped (a page's hidden input), JSON-escaped.
///
/// Text is masked before it is cut to an excerpt, so no part of a secret is ever printed; names
/// (of fields, cookies, headers) are never masked, only their values.
///
/// A secret shorter than `freeTextMinimum` characters (a password such as `admin` or `b`) is not replaced
/// wherever it occurs: every `b` of a page would become a mask, garbling the output and, by the contrast
/// with the `b`s left elsewhere, telling the secret. It is masked where it stands as a value: a whole text
/// (a captured value, a header), a form field's value, a query parameter's, a JSON string.
public final class SecretMasker: @unchecked Sendable {
    public static let mask = "••••••"
    /// Secrets at least this long are masked wherever they occur; shorter ones only as whole values.
    public static let freeTextMinimum = 6
    /// Headers whose values are always masked, whatever their content.
    static let sensitiveHeaders: Set<String> = [
        "authorization", "proxy-authorization", "cookie", "set-cookie", "x-xsrf-token", "x-csrf-token", "x-api-key",
    ]
    /// Headers holding a URL, whose sensitive query parameters are masked.
    static let urlHeaders: Set<String> = ["location", "content-location", "refresh", "link", "referer"]
    /// Field, parameter and variable names that hold credentials by convention.
    static let sensitiveNamePattern = try? RegexPattern(
        "(?i)(pass(word|wd)?|secret|token|api[_-]?key|session|signature)")
    /// Variables named like credentials whose suffix says they hold something else: `token_field: _token` names
    /// a field, `password_path` a path. Their values are shown (a reader must see which fields were sent).
    static let descriptiveSuffixes = [
        "_field", "_fields", "_name", "_path", "_url", "_header", "_cookie", "_param", "_selector", "_form", "_text",
        "_pattern", "_label", "_key_name",
    ]

    private let lock = NSLock()
    private var secrets: Set<String> = []
    /// `secrets`, longest first (a secret containing another is masked whole); nil when it must be rebuilt.
    private var ordered: [String]? = []
    private var longest = 0
    /// Secrets too short to be masked in free text, in the forms they are sent in.
    private var shortSecrets: Set<String> = []

    public init(secrets: [String] = []) {
        for secret in secrets { add(secret) }
    }

    /// Registers a secret and its encoded forms. Values shorter than `minimumLength` are ignored: a token
    /// recognised on a page is at least 8 characters, whereas a password the user marked secret is masked
    /// whatever its length.
    public func add(_ secret: String, minimumLength: Int = 1) {
        guard secret.count >= max(1, minimumLength) else { return }
        guard secret.count >= Self.freeTextMinimum else {
            let forms = [
                secret, FormEncoding.encode(secret), String(JSONValue.string(secret).jsonText.dropFirst().dropLast()),
            ]
            lock.withLock { shortSecrets.formUnion(forms) }
            return
        }
        let forms = [secret] + Self.encodedForms(of: secret)
        lock.withLock {
            for form in forms where !form.isEmpty && secrets.insert(form).inserted {
                ordered = nil
                longest = max(longest, form.count)
            }
        }
    }

    public func mask(_ text: String) -> String {
        let current = orderedSecrets()
        var masked = text
        for secret in current where masked.contains(secret) {
            masked = masked.replacingOccurrences(of: secret, with: Self.mask)
        }
        let short = lock.withLock { shortSecrets }
        return short.isEmpty ? masked : Self.maskWholeValues(masked, of: short)
    }

    /// `text` with each of `secrets` masked where it is a whole value: the whole text, a form field or query
    /// parameter (`name=b&`), a JSON string (`"b"`); elsewhere it stays (see the type's comment).
    static func maskWholeValues(_ text: String, of secrets: Set<String>) -> String {
        if secrets.contains(text) { return mask }
        var masked = text
        for secret in secrets where masked.contains(secret) {
            let value = NSRegularExpression.escapedPattern(for: secret)
            let patterns = [
                ("(?<=[=])\(value)(?=$|[&#;\\s])", mask), ("(?<=\")\(value)(?=\")", mask),
            ]
            for (pattern, replacement) in patterns {
                guard let expression = try? NSRegularExpression(pattern: pattern) else { continue }
                masked = expression.stringByReplacingMatches(
                    in: masked, range: NSRange(masked.startIndex..., in: masked), withTemplate: replacement)
            }
        }
        return masked
    }

    /// The first `length` characters of `text`, masked first and then cut ("…" marks the cut), so no part of a
    /// secret is ever shown. Only as much of a long body is masked as the excerpt can show.
    public func excerpt(_ text: String, length: Int) -> String {
        let window = text.count > length + longestSecret ? String(text.prefix(length + longestSecret)) : text
        let masked = mask(window)
        guard masked.count > length || window.count < text.count else { return masked }
        return maskTrailingPart(String(masked.prefix(length))) + "…"
    }

    /// Masks text that was cut before this masker knew all its secrets: a secret whose start ends the text
    /// (at least 6 characters of it) is masked too.
    public func maskExcerpt(_ text: String) -> String {
        let cut = text.hasSuffix("…")
        let masked = mask(cut ? String(text.dropLast()) : text)
        return cut ? maskTrailingPart(masked) + "…" : masked
    }

    /// A header as it may be shown: sensitive values hidden (a cookie keeps its name and attributes), URLs
    /// without their sensitive query parameters.
    public func mask(_ header: HTTPHeader) -> HTTPHeader {
        let name = header.name.lowercased()
        if Self.urlHeaders.contains(name) { return HTTPHeader(header.name, maskURL(header.value)) }
        guard Self.sensitiveHeaders.contains(name) else { return HTTPHeader(header.name, mask(header.value)) }
        if name == "set-cookie", let equals = header.value.firstIndex(of: "=") {
            let attributes = header.value[equals...].firstIndex(of: ";").map { String(header.value[$0...]) } ?? ""
            return HTTPHeader(header.name, "\(header.value[..<equals])=\(Self.mask)\(mask(attributes))")
        }
        if name == "cookie" {
            let pairs = header.value.split(separator: ";").map { pair -> String in
                guard let equals = pair.firstIndex(of: "=") else { return String(pair) }
                return "\(pair[..<equals])=\(Self.mask)"
            }
            return HTTPHeader(header.name, pairs.joined(separator: ";"))
        }
        return HTTPHeader(header.name, Self.mask)
    }

    /// A URL as it may be shown: known secrets masked, and the values of query parameters named like
    /// credentials (`token`, `signature`, `password`…), e.g. of a signed or password-reset link.
    public func maskURL(_ url: String) -> String {
        let masked = mask(url)
        guard let question = masked.firstIndex(of: "?") else { return masked }
        let fragmentStart = masked[question...].firstIndex(of: "#") ?? masked.endIndex
        let query = masked[masked.index(after: question)..<fragmentStart]
        let pairs = query.split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
            guard let equals = pair.firstIndex(of: "="), Self.isSensitiveFieldName(String(pair[..<equals])),
                pair.index(after: equals) < pair.endIndex
            else { return String(pair) }
            return "\(pair[..<equals])=\(Self.mask)"
        }
        return String(masked[...question]) + pairs.joined(separator: "&") + String(masked[fragmentStart...])
    }

    /// A transport error as it may be shown: its URL and libcurl's text masked (a bypass secret in a path).
    public func mask(_ error: TransportError) -> TransportError {
        var masked = error
        masked.url = maskURL(error.url)
        masked.message = mask(error.message)
        return masked
    }

    /// A field, cookie or query parameter whose value is a credential by its name (`password`, `_token`).
    static func isSensitiveFieldName(_ name: String) -> Bool {
        sensitiveNamePattern?.matches(name) ?? false
    }

    /// A variable whose value is a credential by its name; `token_field` and the like name things instead.
    static func isSensitiveVariableName(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return isSensitiveFieldName(name) && !descriptiveSuffixes.contains { lowered.hasSuffix($0) }
    }

    private var longestSecret: Int { lock.withLock { longest } }

    private func orderedSecrets() -> [String] {
        lock.withLock {
            if let ordered { return ordered }
            let sorted = secrets.sorted { $0.count > $1.count }
            ordered = sorted
            return sorted
        }
    }

    /// Masks the end of a cut text when it is the beginning of a secret.
    private func maskTrailingPart(_ text: String) -> String {
        let tail = String(text.suffix(longestSecret))
        for secret in orderedSecrets() where secret.count > 6 && tail.contains(secret.prefix(6)) {
            for length in stride(from: min(secret.count - 1, text.count), through: 6, by: -1)
            where text.hasSuffix(secret.prefix(length)) {
                return String(text.dropLast(length)) + Self.mask
            }
        }
        return text
    }

    /// The forms a value takes on the wire and in pages, besides itself.
    private static func encodedForms(of secret: String) -> [String] {
        var forms = [
            FormEncoding.encode(secret),
            secret.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? secret,
            secret.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? secret,
            secret.replacingOccurrences(of: "/", with: "\\/"),
        ]
        let json = String(JSONValue.string(secret).jsonText.dropFirst().dropLast())
        forms += [json, json.replacingOccurrences(of: "/", with: "\\/")]
        for apostrophe in ["&#039;", "&#39;", "&#x27;", "&apos;"] {
            forms.append(
                secret.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                    .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
                    .replacingOccurrences(of: "'", with: apostrophe))
        }
        if let decoded = secret.removingPercentEncoding, decoded != secret {
            forms.append(decoded)
            forms.append(decoded.replacingOccurrences(of: "/", with: "\\/"))
        }
        return forms.filter { $0 != secret }
    }
}
