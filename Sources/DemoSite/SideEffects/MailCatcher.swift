import Foundation
import Synchronization

/// The site's outgoing mail, caught in memory as Mailpit would catch it over SMTP, for its HTTP API to list,
/// serve raw, mark read and delete.
final class MailCatcher: Sendable {
    /// A demo or load test's worth of mail, while bounding memory; the oldest go first.
    static let capacity = 1_000

    struct Message: Sendable {
        /// Mailpit's database id, 22 letters and digits.
        let id: String
        let mail: OutgoingMail
        let created: Date
        var read: Bool
    }

    private let messages = Mutex<[Message]>([])

    /// Stores `mail` as received now; returns its id.
    @discardableResult
    func receive(_ mail: OutgoingMail, at date: Date = Date()) -> String {
        let id = RandomToken.make(length: 22)
        messages.withLock { messages in
            messages.append(Message(id: id, mail: mail, created: date, read: false))
            if messages.count > Self.capacity { messages.removeFirst() }
        }
        return id
    }

    /// A page of messages, newest first, with the mailbox's total and unread counts.
    func page(start: Int, limit: Int) -> (total: Int, unread: Int, messages: [Message]) {
        messages.withLock { messages in
            let newestFirst = messages.reversed().dropFirst(max(0, start)).prefix(max(0, limit))
            return (messages.count, messages.count { !$0.read }, Array(newestFirst))
        }
    }

    func message(id: String) -> Message? {
        messages.withLock { messages in messages.first { $0.id == id } }
    }

    /// Marks the messages with these ids, or every message when `ids` is nil.
    func mark(_ ids: [String]?, read: Bool) {
        messages.withLock { messages in
            for index in messages.indices where ids?.contains(messages[index].id) ?? true {
                messages[index].read = read
            }
        }
    }

    /// Deletes the messages with these ids, or every message when `ids` is nil.
    func delete(_ ids: [String]?) {
        messages.withLock { messages in
            messages.removeAll { ids?.contains($0.id) ?? true }
        }
    }
}
