import Crypto
import Foundation

/// The signatures of Pusher Channels: a channel subscription's `auth` and the HTTP events API's
/// `auth_signature`, both hex HMAC-SHA256 with the app's secret, and the API's `body_md5`.
public enum PusherSignature {
    /// Lower-case hex HMAC-SHA256 of `message` keyed by `secret`.
    public static func hmacSHA256Hex(secret: String, message: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(
            for: Data(message.utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return hex(Data(code))
    }

    /// The `auth` a client sends to subscribe to a private or presence channel: `KEY:HEXSIG` over
    /// `socket_id:channel`, or `socket_id:channel:channel_data` for a presence channel.
    public static func channelAuth(
        key: String, secret: String, socketID: String, channel: String, channelData: String? = nil
    ) -> String {
        key + ":" + hmacSHA256Hex(secret: secret, message: channelSubject(socketID, channel, channelData))
    }

    /// What a channel's `auth` signs.
    static func channelSubject(_ socketID: String, _ channel: String, _ channelData: String?) -> String {
        [socketID, channel, channelData].compactMap { $0 }.joined(separator: ":")
    }

    /// What an HTTP API request signs: `METHOD\nPATH\nk=v&…`, the query's parameters but `auth_signature`,
    /// sorted by name, with their decoded values (as Pusher's server libraries write them).
    public static func requestStringToSign(method: String, path: String, query: [String: String]) -> String {
        let parameters = query.filter { $0.key != "auth_signature" }.sorted { $0.key < $1.key }
        return [method, path, parameters.map { "\($0.key)=\($0.value)" }.joined(separator: "&")]
            .joined(separator: "\n")
    }

    /// Lower-case hex MD5 of a request body, its `body_md5`.
    public static func bodyMD5Hex(_ body: some DataProtocol) -> String {
        hex(Data(Insecure.MD5.hash(data: Data(body))))
    }

    static func hex(_ bytes: Data) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }
}
