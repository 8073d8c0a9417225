import Foundation

extension OrangeSMSDouble {
    /// An SMS the double accepted (201), as the site asked for it.
    public struct Message: Sendable, Equatable, CustomStringConvertible {
        /// The id at the end of its `resourceURL`.
        public var id: String
        /// When it arrived, to the millisecond (as the inbox writes it).
        public var receivedAt: Date
        /// The recipient, `tel:+221…`.
        public var address: String
        /// The sender, `tel:+221…`, as in the body (and the path).
        public var senderAddress: String
        /// The name shown to the recipient, when the request gave one.
        public var senderName: String?
        /// The text.
        public var message: String

        public init(
            id: String, receivedAt: Date, address: String, senderAddress: String, senderName: String?,
            message: String
        ) {
            self.id = id
            self.receivedAt = receivedAt
            self.address = address
            self.senderAddress = senderAddress
            self.senderName = senderName
            self.message = message
        }

        public var description: String {
            let name = senderName.map { " (\($0))" } ?? ""
            return "SMS \(id) to \(address) from \(senderAddress)\(name): \(message)"
        }
    }

    /// A request the double refused, and why, in plain words that never repeat a secret or a token.
    public struct Rejection: Sendable, Equatable, CustomStringConvertible {
        /// When it arrived, to the millisecond.
        public var receivedAt: Date
        public var method: String
        /// The path as sent (percent-encoded), without the query.
        public var path: String
        /// The status answered: 400, 401 or 404.
        public var status: Int
        /// Why, e.g. "no bearer token", "wrong client secret", "address missing".
        public var reason: String

        public init(receivedAt: Date, method: String, path: String, status: Int, reason: String) {
            self.receivedAt = receivedAt
            self.method = method
            self.path = path
            self.status = status
            self.reason = reason
        }

        public var description: String { "\(method) \(path): \(status) \(reason)" }
    }
}
