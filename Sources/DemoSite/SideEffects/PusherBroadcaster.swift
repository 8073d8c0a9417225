import Foundation
import SideEffectDoubles

/// The Laravel site's `pusher-hmac` broadcaster: an event goes to Pusher's HTTP events API
/// (`POST /apps/{id}/events`), signed with the app's secret, its data JSON-encoded into a string.
struct PusherBroadcaster: Sendable {
    let settings: PusherSettings

    func broadcast(event: String, channels: [String], data: JSON, now: Date = Date()) async throws {
        let body = JSON.object([
            ("name", .string(event)), ("data", .string(data.serialized)),
            ("channels", .array(channels.map(JSON.string))),
        ]).serialized
        let path = "/apps/\(settings.appID)/events"
        var base = settings.apiURL
        while base.hasSuffix("/") { base.removeLast() }
        let url = base + path + "?" + signedQuery(path: path, body: Array(body.utf8), now: now)
        let response = try await OutboundHTTP.post(
            OutboundRequest(url: url, headers: [("Content-Type", "application/json")], body: Array(body.utf8)))
        guard response.isSuccess else { throw SideEffectError.answered("Pusher error", base + path, response) }
    }

    /// `auth_key`, `auth_timestamp`, `auth_version`, `body_md5` sorted by name, then `auth_signature` over
    /// `POST\nPATH\nQUERY`; values unencoded, as Pusher's libraries write them.
    func signedQuery(path: String, body: [UInt8], now: Date) -> String {
        let parameters = [
            "auth_key": settings.key, "auth_timestamp": String(Int(now.timeIntervalSince1970)),
            "auth_version": "1.0", "body_md5": PusherSignature.bodyMD5Hex(body),
        ]
        let query = parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "&")
        let signed = PusherSignature.requestStringToSign(method: "POST", path: path, query: parameters)
        return query + "&auth_signature=" + PusherSignature.hmacSHA256Hex(secret: settings.secret, message: signed)
    }
}
