import Foundation

/// An event received on a subscribed channel: Laravel's broadcast name (`App\Events\DemandeCreated`, or its
/// `broadcastAs` name) and its data, JSON text as the server sent it.
public struct PusherEvent: Sendable, Equatable {
    public var name: String
    public var channel: String
    public var data: String
    /// When it came off the socket: what its delivery latency is measured to.
    public var receivedAt: Date

    public init(name: String, channel: String, data: String, receivedAt: Date = Date()) {
        self.name = name
        self.channel = channel
        self.data = data
        self.receivedAt = receivedAt
    }

    /// The same event, whenever each was received.
    public static func == (lhs: PusherEvent, rhs: PusherEvent) -> Bool {
        lhs.name == rhs.name && lhs.channel == rhs.channel && lhs.data == rhs.data
    }
}

/// Where a Pusher Channels WebSocket is, and how to reach it (Laravel's `PUSHER_APP_KEY`, `PUSHER_HOST`,
/// `PUSHER_PORT`, `PUSHER_SCHEME`; for Pusher itself, `ws-CLUSTER.pusher.com`, 443 and TLS).
public struct PusherEndpoint: Sendable {
    public var host: String
    public var port: Int
    public var key: String
    /// `wss` when true, with the certificate verified.
    public var useTLS: Bool
    /// A PEM file of the certificate authorities to trust instead of the system's, for a staging server.
    public var caFile: String?
    /// The bound on reaching the server and receiving `pusher:connection_established`.
    public var connectTimeout: Duration

    public init(
        host: String, port: Int, key: String, useTLS: Bool = true, caFile: String? = nil,
        connectTimeout: Duration = .seconds(10)
    ) {
        self.host = host
        self.port = port
        self.key = key
        self.useTLS = useTLS
        self.caFile = caFile
        self.connectTimeout = connectTimeout
    }

    /// Pusher's own endpoint for a cluster such as `mt1`.
    public static func pusher(cluster: String, key: String) -> PusherEndpoint {
        PusherEndpoint(host: "ws-\(cluster).pusher.com", port: 443, key: key)
    }

    /// `ws[s]://HOST:PORT/app/KEY?protocol=7&client=csar-check&version=VERSION`.
    public var url: String {
        let host = self.host.contains(":") ? "[\(self.host)]" : self.host
        return "\(useTLS ? "wss" : "ws")://\(host):\(port)/app/\(key)?protocol=7&client=csar-check"
            + "&version=\(CSARCheckVersion.current)"
    }
}
