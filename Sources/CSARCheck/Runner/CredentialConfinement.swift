import Foundation

/// Keeps the run's credentials with the target. A request that carries a secret — a value the masker
/// knows (a password, a captured token, the bypass secret), a field or query parameter named like a
/// credential, or an `Authorization`, `Cookie` or `X-XSRF-TOKEN`-like header — is sent only to the origin
/// of the base URL and to the origins `--allow-origin` names, and follows redirects only there. A request
/// without a secret (a search form on another site) goes where it says.
struct CredentialConfinement {
    /// The base URL's origin first, then the allowed ones.
    let origins: [Origin]
    let masker: SecretMasker

    init(baseURL: String, allowedOrigins: [Origin], masker: SecretMasker) {
        origins = (Origin(url: baseURL).map { [$0] } ?? []) + allowedOrigins
        self.masker = masker
    }

    /// `request` as it may be sent (confined to the origins when it carries a secret), or why it may not be
    /// sent at all: it would take a secret to another origin.
    func confine(_ request: HTTPRequest) -> Result<HTTPRequest, CredentialLeak> {
        guard let secret = secretCarried(by: request) else { return .success(request) }
        if let target = Origin(url: request.url), !origins.contains(where: { $0.admits(target) }) {
            return .failure(CredentialLeak(secret: secret, destination: target, url: request.url, base: origins.first))
        }
        var confined = request
        confined.confinedTo = origins
        return .success(confined)
    }

    /// The refused redirect of `response` as a leak the step reports, if the request's redirect was refused.
    func refusedRedirect(of response: HTTPResponse, request: HTTPRequest) -> CredentialLeak? {
        guard let location = response.refusedRedirect, let target = Origin(url: location) else { return nil }
        return CredentialLeak(
            secret: secretCarried(by: request) ?? "credentials", destination: target, url: location,
            base: origins.first, redirectStatus: response.status)
    }

    /// What secret `request` carries, as a message names it (`the field 'password'`), or nil.
    func secretCarried(by request: HTTPRequest) -> String? {
        for header in request.headers where !header.value.isEmpty {
            if SecretMasker.sensitiveHeaders.contains(header.name.lowercased())
                || masker.mask(header.value) != header.value
            {
                return "the header '\(header.name)'"
            }
        }
        if let name = secretField(in: Self.query(of: request.url)) { return "the query parameter '\(name)'" }
        switch request.body {
        case .none:
            return nil
        case .bytes(let bytes, let contentType):
            let text = String(decoding: bytes, as: UTF8.self)
            if contentType == "application/x-www-form-urlencoded", let name = secretField(in: Self.pairs(of: text)) {
                return "the field '\(name)'"
            }
            if let document = try? JSONValue.parse(bytes), !TokenScanner.secrets(inJSON: document).isEmpty {
                return "a credential in the JSON body"
            }
            return masker.mask(text) != text ? "a secret in the body" : nil
        case .multipart(let parts):
            let fields = parts.compactMap { part -> (String, String)? in
                if case .text(let value) = part.content { (part.name, value) } else { nil }
            }
            return secretField(in: fields).map { "the field '\($0)'" }
        }
    }

    /// The first field whose non-empty value is a secret by its name or by its value.
    private func secretField(in fields: [(String, String)]) -> String? {
        fields.first { name, value in
            !value.isEmpty && (SecretMasker.isSensitiveFieldName(name) || masker.mask(value) != value)
        }?.0
    }

    private static func query(of url: String) -> [(String, String)] {
        let withoutFragment = url.split(separator: "#", maxSplits: 1).first.map(String.init) ?? url
        guard let question = withoutFragment.firstIndex(of: "?") else { return [] }
        return pairs(of: String(withoutFragment[withoutFragment.index(after: question)...]))
    }

    /// `name=value&…` decoded as a form is (`+` is a space).
    private static func pairs(of form: String) -> [(String, String)] {
        form.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (text: Substring) in
                let spaced = text.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }
}

/// A secret that would have left the target: what it was, where it would have gone, and what to do.
struct CredentialLeak: Error {
    /// As a message names it: `the field 'password'`, `the header 'X-XSRF-TOKEN'`.
    let secret: String
    let destination: Origin
    let url: String
    let base: Origin?
    /// The status of the redirect that was not followed; nil when the request itself was not sent.
    var redirectStatus: Int? = nil

    /// The failure as the step reports it; `url` is masked by the caller's masker.
    func message(maskingURL mask: (String) -> String) -> String {
        let target = base.map { "the target's origin \($0)" } ?? "the target's origin"
        let remedy = "if \(destination) may receive the site's credentials, pass --allow-origin \(destination)"
        if let redirectStatus {
            return "the answer (\(redirectStatus)) redirects to \(destination) (\(mask(url))), outside \(target); "
                + "the request carries \(secret), which following could take along (headers go with every hop, "
                + "the body with a 307 or 308), so the redirect was not followed: \(remedy)"
        }
        return "it would send \(secret) to \(destination) (\(mask(url))), outside \(target): not sent, so no "
            + "credential leaves the target; \(remedy)"
    }
}
