/// Why a Pusher connection, subscription or wait failed, in words that name the URL, channel or event.
public struct PusherError: Error, CustomStringConvertible, Sendable {
    /// What kind of failure, to decide on (a timeout is a missing notification, the rest are set-up problems).
    public struct Kind: Equatable, Sendable {
        private enum Base: Equatable, Sendable {
            case connectionFailed, refusedByServer, subscriptionRefused, authorizationFailed, timedOut, closed
        }
        private let base: Base

        /// Nothing answered at the URL, TLS failed, or the WebSocket upgrade was refused.
        public static let connectionFailed = Kind(base: .connectionFailed)
        /// The server sent `pusher:error` and closed: an unknown app key (4001), an unsupported protocol (4007).
        public static let refusedByServer = Kind(base: .refusedByServer)
        /// The server refused a subscription: `pusher:subscription_error`, or `pusher:error` while subscribing.
        public static let subscriptionRefused = Kind(base: .subscriptionRefused)
        /// The caller's authorizer (the site's `/broadcasting/auth`) threw.
        public static let authorizationFailed = Kind(base: .authorizationFailed)
        /// A wait ran out: for the connection, a subscription's answer or an event.
        public static let timedOut = Kind(base: .timedOut)
        /// The connection closed while waiting, or was closed by ``PusherConnection/close()``.
        public static let closed = Kind(base: .closed)
    }

    public let kind: Kind
    /// The sentence to print.
    public let message: String

    init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
