import Foundation

/// The `laravel_maintenance` bypass cookie handed out by `GET /{secret}` during maintenance.
///
/// Shaped like Laravel's `MaintenanceModeBypassCookie`: base64 JSON `{"expires_at": …, "mac": …}` where the
/// MAC is keyed with the secret, so the cookie proves knowledge of the secret without containing it and
/// stops working as soon as the secret changes.
enum MaintenanceCookie {
    static let name = "laravel_maintenance"
    /// Laravel lets the bypass last twelve hours.
    static let lifetimeSeconds = 12 * 3_600

    private struct Payload: Decodable {
        var expiresAt: Int
        var mac: String

        enum CodingKeys: String, CodingKey {
            case expiresAt = "expires_at"
            case mac
        }
    }

    /// The cookie value (URL-encoded) for `secret`, valid for ``lifetimeSeconds`` from `now`.
    static func value(secret: String, now: Date = Date()) -> String {
        let expiresAt = Int(now.timeIntervalSince1970) + lifetimeSeconds
        let payload = JSON.object([
            ("expires_at", .int(expiresAt)),
            ("mac", .string(Signer.mac(String(expiresAt), secret: secret))),
        ])
        return PercentEncoding.encode(Data(payload.serialized.utf8).base64EncodedString())
    }

    /// Whether `cookie` was issued for `secret` and has not expired.
    static func isValid(_ cookie: String, secret: String, now: Date = Date()) -> Bool {
        guard let data = Data(base64Encoded: PercentEncoding.decode(cookie)),
            let payload = try? JSONDecoder().decode(Payload.self, from: data)
        else { return false }
        return payload.expiresAt > Int(now.timeIntervalSince1970)
            && constantTimeEquals(payload.mac, Signer.mac(String(payload.expiresAt), secret: secret))
    }
}
