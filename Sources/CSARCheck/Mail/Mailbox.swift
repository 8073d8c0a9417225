import Foundation

/// A mailbox a `mail:` step reads: IMAP or IMAPS through libcurl (`imaps://imap.gmail.com/INBOX`), or a
/// Mailpit-style HTTP API (`http://mailpit:8025`, Laravel Sail's mail catcher).
protocol Mailbox: AnyObject {
    /// The messages the mailbox received at or after `since`, by its own clock (a caller allows for a server a
    /// little behind by asking from a little earlier), newest first, at most `limit`.
    func messages(since: Date, limit: Int) throws(MailboxError) -> [ReceivedMail]
    /// Marks a message read.
    func markSeen(_ mail: ReceivedMail) throws(MailboxError)
    /// Deletes a message.
    func delete(_ mail: ReceivedMail) throws(MailboxError)
}

/// A message as a mailbox holds it: its id there, when it arrived, and the message.
struct ReceivedMail {
    var id: String
    /// When the mailbox received it (IMAP's INTERNALDATE, Mailpit's `Created`); nil when it does not say.
    var receivedAt: Date?
    /// Seconds `receivedAt` may be early: IMAP's INTERNALDATE is to the second, truncated.
    var receivedAtPrecision: Double = 0
    var message: MailMessage

    /// The latest time it can have arrived by the mailbox's clock: what its latency is measured to, so that a
    /// clock to the second never makes a delivery look faster than it was.
    var latestArrival: Date? { receivedAt.map { $0.addingTimeInterval(receivedAtPrecision) } }
}

/// Why a mailbox could not be read: its address, what was being done, and the server's or libcurl's words.
public struct MailboxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var mailbox: String
    public var operation: String
    public var message: String

    public var description: String { "\(mailbox): \(operation) failed: \(message)" }
}

/// How a `mail:` step reaches its mailbox.
public struct MailboxSettings: Sendable, Equatable {
    /// `imap://`, `imaps://` (with the folder, `INBOX` by default), or `http(s)://` for a Mailpit-style API.
    public var url: String
    public var user: String?
    public var password: String?
    /// A CA bundle to verify the mailbox's certificate with, instead of the system's.
    public var caCertificatePath: String?

    public init(url: String, user: String? = nil, password: String? = nil, caCertificatePath: String? = nil) {
        self.url = url
        self.user = user
        self.password = password
        self.caCertificatePath = caCertificatePath
    }

    var isIMAP: Bool { url.hasPrefix("imap://") || url.hasPrefix("imaps://") }
}
