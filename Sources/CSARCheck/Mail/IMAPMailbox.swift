internal import CCurl
import Foundation

/// A mailbox read over IMAP or IMAPS through libcurl: `UID SEARCH SINCE` finds the day's messages,
/// `UID FETCH (FLAGS INTERNALDATE)` says when each arrived and whether it was read, the message is fetched by
/// its URL (`…/INBOX/;UID=7`), and a message that was unread is left unread again. One connection for the
/// step, kept between polls; bodies already fetched are not fetched again.
final class IMAPMailbox: Mailbox {
    let settings: MailboxSettings
    private let transfer: TransferOptions
    private let stop: StopSignal?
    private let easy = CurlEasy()
    private var fetched: [UInt64: MailMessage] = [:]

    init(_ settings: MailboxSettings, transfer: TransferOptions, stop: StopSignal? = nil) {
        self.settings = settings
        self.transfer = transfer
        self.stop = stop
    }

    /// The folder's URL without a trailing slash: `imaps://host:993/INBOX`.
    private var folderURL: String {
        var url = settings.url.hasSuffix("/") ? String(settings.url.dropLast()) : settings.url
        if url.split(separator: "/").count <= 2 { url += "/INBOX" }
        return url
    }

    func messages(since: Date, limit: Int) throws(MailboxError) -> [ReceivedMail] {
        // On a connection kept between polls, the server reports (and Dovecot syncs) what arrived since the
        // last command only when asked: NOOP is that question (RFC 3501 §6.1.2).
        _ = try text(command: "NOOP", doing: "check for new mail")
        let search = try text(
            command: "UID SEARCH SINCE \(Self.imapDay(since.addingTimeInterval(-86_400)))", doing: "search")
        let uids = Array(IMAPResponse.searchResults(search).sorted().suffix(limit))
        guard !uids.isEmpty else { return [] }
        let status = try text(
            command: "UID FETCH \(uids.map(String.init).joined(separator: ",")) (FLAGS INTERNALDATE)",
            doing: "read the messages' dates")
        var mails: [ReceivedMail] = []
        for entry in IMAPResponse.fetchResults(status) where entry.internalDate.map({ $0 >= since }) ?? true {
            let message = try message(uid: entry.uid, wasSeen: entry.flags.contains("\\Seen"))
            mails.append(
                ReceivedMail(
                    id: String(entry.uid), receivedAt: entry.internalDate, receivedAtPrecision: 1, message: message))
        }
        return mails.sorted { ($0.receivedAt ?? .distantPast) > ($1.receivedAt ?? .distantPast) }
    }

    func markSeen(_ mail: ReceivedMail) throws(MailboxError) {
        _ = try text(command: "UID STORE \(mail.id) +FLAGS (\\Seen)", doing: "mark the message read")
    }

    func delete(_ mail: ReceivedMail) throws(MailboxError) {
        _ = try text(command: "UID STORE \(mail.id) +FLAGS (\\Deleted)", doing: "delete the message")
        _ = try text(command: "EXPUNGE", doing: "delete the message")
    }

    /// The message `uid`, fetched once; fetching marks it read, so an unread one is made unread again.
    private func message(uid: UInt64, wasSeen: Bool) throws(MailboxError) -> MailMessage {
        if let known = fetched[uid] { return known }
        let bytes = try perform(url: "\(folderURL)/;UID=\(uid)", command: nil, doing: "fetch message \(uid)")
        if !wasSeen { _ = try text(command: "UID STORE \(uid) -FLAGS (\\Seen)", doing: "leave the message unread") }
        let message = MailMessage.parse(bytes)
        fetched[uid] = message
        return message
    }

    private func text(command: String, doing operation: String) throws(MailboxError) -> String {
        String(decoding: try perform(url: folderURL, command: command, doing: operation), as: UTF8.self)
    }

    /// One IMAP command (or, without one, the fetch of the URL's message) on the step's connection.
    private func perform(url: String, command: String?, doing operation: String) throws(MailboxError) -> [UInt8] {
        if stop?.isRequested == true {
            throw MailboxError(mailbox: settings.url, operation: operation, message: "the run was stopped")
        }
        easy.reset()
        easy.set(CURLOPT_URL, url)
        easy.set(CURLOPT_PROTOCOLS_STR, "imap,imaps")
        easy.set(CURLOPT_CONNECTTIMEOUT_MS, HTTPClient.milliseconds(transfer.connectTimeout))
        easy.set(CURLOPT_TIMEOUT_MS, HTTPClient.milliseconds(transfer.totalTimeout))
        var options = transfer
        if let ca = settings.caCertificatePath { options.caCertificatePath = ca }
        easy.configureVerification(options)
        if let user = settings.user { easy.set(CURLOPT_USERNAME, user) }
        if let password = settings.password { easy.set(CURLOPT_PASSWORD, password) }
        if let command { easy.set(CURLOPT_CUSTOMREQUEST, command) }
        let accumulator = ResponseAccumulator(maxBodyBytes: 32 << 20, decodes: false)
        easy.set(CURLOPT_WRITEFUNCTION, callback: ResponseAccumulator.writeBody)
        easy.set(CURLOPT_WRITEDATA, pointer: Unmanaged.passUnretained(accumulator).toOpaque())
        let code = withExtendedLifetime(accumulator) { easy.perform() }
        guard code == CURLE_OK else {
            var message = easy.errorMessage(for: code)
            if code == CURLE_LOGIN_DENIED {
                message += " — the mailbox refused the user or password (an app password for Gmail)"
            }
            throw MailboxError(mailbox: settings.url, operation: operation, message: message)
        }
        return accumulator.body
    }

    /// `07-Dec-2026`, as IMAP's SEARCH SINCE takes a day (in UTC; the day before is asked, then filtered by
    /// the exact arrival time, so no time zone hides a message).
    static func imapDay(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "dd-MMM-yyyy"
        return formatter.string(from: date)
    }
}

/// The untagged responses libcurl hands over for IMAP commands.
enum IMAPResponse {
    /// `* SEARCH 3 7 12` → [3, 7, 12].
    static func searchResults(_ text: String) -> [UInt64] {
        text.split(whereSeparator: \.isNewline).filter { $0.hasPrefix("* SEARCH") }.flatMap {
            $0.split(separator: " ").dropFirst(2).compactMap { UInt64($0) }
        }
    }

    struct FetchEntry: Equatable {
        var uid: UInt64
        var flags: [String]
        var internalDate: Date?
    }

    /// `* 1 FETCH (UID 7 FLAGS (\Seen) INTERNALDATE "07-Dec-2026 03:57:31 +0000")`, any order of the items.
    static func fetchResults(_ text: String) -> [FetchEntry] {
        text.split(whereSeparator: \.isNewline).compactMap { line -> FetchEntry? in
            guard line.hasPrefix("* "), line.contains(" FETCH ("),
                let uid = line.firstMatch(of: /UID (\d+)/).flatMap({ UInt64($0.1) })
            else { return nil }
            let flags =
                line.firstMatch(of: /FLAGS \(([^)]*)\)/).map { $0.1.split(separator: " ").map(String.init) } ?? []
            let date = line.firstMatch(of: /INTERNALDATE "([^"]+)"/).flatMap { internalDate(String($0.1)) }
            return FetchEntry(uid: uid, flags: flags, internalDate: date)
        }
    }

    /// `07-Dec-2026 03:57:31 +0000` (RFC 3501 date-time; the day may be one digit, space-padded).
    static func internalDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "d-MMM-yyyy HH:mm:ss Z"
        return formatter.date(from: text.trimmingEdges(of: " "))
    }
}
