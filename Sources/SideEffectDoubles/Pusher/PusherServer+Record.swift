extension PusherServer {
    /// One thing the server saw, in the order it happened: what a check asserts on and a report shows.
    public enum Record: Sendable, Equatable, CustomStringConvertible {
        /// A WebSocket client connected (`accepted`) or was turned away (an unknown app key, a protocol).
        case connection(socketID: String?, appKey: String, outcome: Outcome)
        /// A `pusher:subscribe` for a channel, granted or refused.
        case subscription(socketID: String, channel: String, outcome: Outcome)
        /// A `pusher:unsubscribe`.
        case unsubscription(socketID: String, channel: String)
        /// A request to the HTTP events API, or an in-process ``PusherServer/publish(_:)``: accepted and
        /// delivered to `deliveries` sockets, or rejected with its status and reason.
        case publish(Publish)

        public var description: String {
            switch self {
            case .connection(let socketID, let appKey, let outcome):
                "connection \(socketID ?? "-") to app key \(appKey): \(outcome)"
            case .subscription(let socketID, let channel, let outcome):
                "subscription of \(socketID) to \(channel): \(outcome)"
            case .unsubscription(let socketID, let channel):
                "unsubscription of \(socketID) from \(channel)"
            case .publish(let publish):
                "\(publish)"
            }
        }
    }

    /// Whether the server granted what was asked, and if not, why.
    public enum Outcome: Sendable, Equatable, CustomStringConvertible {
        case accepted
        case rejected(reason: String)

        public var description: String {
            switch self {
            case .accepted: "accepted"
            case .rejected(let reason): "rejected: \(reason)"
            }
        }
    }

    /// One attempt to publish events.
    public struct Publish: Sendable, Equatable, CustomStringConvertible {
        /// The events it carried, as far as they could be read (none when the body was not readable).
        public var events: [PusherServer.Event]
        /// `.accepted`, or `.rejected` with the reason given in the answer.
        public var outcome: Outcome
        /// The HTTP status answered (200 for an in-process publish).
        public var status: Int
        /// How many deliveries to subscribed sockets it made, all events together.
        public var deliveries: Int

        public var description: String {
            let names = events.map { "\($0.name) on \($0.channels.joined(separator: ","))" }
            let what = names.isEmpty ? "publish" : "publish of " + names.joined(separator: "; ")
            switch outcome {
            case .accepted: return "\(what): accepted, \(deliveries) deliveries"
            case .rejected(let reason): return "\(what): rejected with \(status): \(reason)"
            }
        }
    }

    /// An event to deliver: a name, its channels and its data, a string (Laravel sends JSON text).
    public struct Event: Sendable, Equatable {
        public var name: String
        public var channels: [String]
        public var data: String
        /// The socket not to deliver to (Laravel's `toOthers()`).
        public var excludedSocketID: String?

        public init(name: String, channels: [String], data: String, excludedSocketID: String? = nil) {
            self.name = name
            self.channels = channels
            self.data = data
            self.excludedSocketID = excludedSocketID
        }
    }
}
