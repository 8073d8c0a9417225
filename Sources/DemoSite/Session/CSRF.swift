import Foundation

/// Laravel's `VerifyCsrfToken` rules and its `XSRF-TOKEN` cookie.
///
/// As in Laravel, the `XSRF-TOKEN` cookie is not the bare token but a sealed envelope (base64 JSON with an IV
/// and a MAC), URL-encoded. JavaScript clients copy the URL-decoded cookie into `X-XSRF-TOKEN`; the server
/// opens the envelope. A client that pastes the cookie into the `_token` field fails here exactly as it
/// would against the real site.
enum CSRF {
    static let cookieName = "XSRF-TOKEN"

    private struct Envelope: Decodable {
        var iv: String
        var value: String
        var mac: String
    }

    /// Methods that change state and therefore need a token (Laravel skips GET, HEAD and OPTIONS).
    static func requiresToken(method: String) -> Bool {
        !["GET", "HEAD", "OPTIONS"].contains(method)
    }

    /// The `XSRF-TOKEN` cookie value: a fresh envelope around `token`, URL-encoded.
    static func cookieValue(for token: String) -> String {
        let iv = RandomToken.make(length: 16)
        let envelope = JSON.object([
            ("iv", .string(iv)),
            ("value", .string(token)),
            ("mac", .string(Signer.mac(iv + token, secret: "xsrf"))),
        ])
        return PercentEncoding.encode(Data(envelope.serialized.utf8).base64EncodedString())
    }

    /// The token carried by an `X-XSRF-TOKEN` header, or nil if the envelope is malformed or tampered with.
    /// Accepts the value still URL-encoded too, since browsers' cookie readers differ on decoding.
    static func token(fromXSRFHeader header: String) -> String? {
        let decoded = header.contains("%") ? PercentEncoding.decode(header) : header
        guard let data = Data(base64Encoded: decoded),
            let envelope = try? JSONDecoder().decode(Envelope.self, from: data),
            constantTimeEquals(envelope.mac, Signer.mac(envelope.iv + envelope.value, secret: "xsrf"))
        else { return nil }
        return envelope.value
    }

    /// Laravel's order: the `_token` field, then `X-CSRF-TOKEN`, then the decrypted `X-XSRF-TOKEN`.
    static func isValid(formToken: String?, csrfHeader: String?, xsrfHeader: String?, expected: String) -> Bool {
        // An empty expected token would match an empty submission; a session always has one, but be sure.
        guard !expected.isEmpty else { return false }
        let candidate = formToken ?? csrfHeader ?? xsrfHeader.flatMap(token(fromXSRFHeader:))
        guard let candidate else { return false }
        return constantTimeEquals(candidate, expected)
    }
}
