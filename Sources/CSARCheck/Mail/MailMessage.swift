import Foundation

/// An e-mail as a `mail:` step reads it (RFC 5322 with MIME): its headers unfolded and decoded (RFC 2047), its
/// addresses, date, and its text and HTML bodies decoded from quoted-printable or base64 in their charsets.
/// Attachments are named, not kept.
public struct MailMessage: Sendable, Equatable {
    /// Every header in order, names as written, values unfolded and decoded.
    public var headers: [(name: String, value: String)]
    public var subject: String
    /// The addresses of `From`, `To` and `Cc`, lowercased.
    public var from: [String]
    public var to: [String]
    public var cc: [String]
    /// When the message says it was written (`Date`), if it says so readably.
    public var date: Date?
    /// The `text/plain` body, decoded; empty when the message has none.
    public var text: String
    /// The `text/html` body, decoded, when the message has one.
    public var html: String?
    /// The file names of the attached parts.
    public var attachments: [String]
    /// The message's size as received, in bytes.
    public var size: Int

    public static func == (lhs: MailMessage, rhs: MailMessage) -> Bool {
        lhs.headers.map { "\($0.name): \($0.value)" } == rhs.headers.map { "\($0.name): \($0.value)" }
            && lhs.text == rhs.text && lhs.html == rhs.html && lhs.attachments == rhs.attachments
    }

    /// The first value of header `name` (any case).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveEquals(name) }?.value
    }

    /// What a step searches in: the text body, else the HTML body.
    public var body: String {
        text.isEmpty ? html ?? "" : text
    }

    /// Parses a message as an IMAP `FETCH` or a mailbox API returns it (CRLF or LF line ends).
    public static func parse(_ bytes: [UInt8]) -> MailMessage {
        let part = MIMEPart.parse(bytes[...])
        var message = MailMessage(
            headers: part.headers, subject: part.header("Subject") ?? "",
            from: MailAddress.list(part.header("From")), to: MailAddress.list(part.header("To")),
            cc: MailAddress.list(part.header("Cc")), date: part.header("Date").flatMap(MailDate.parse), text: "",
            html: nil, attachments: [], size: bytes.count)
        part.collect(into: &message)
        return message
    }
}

extension MIMEPart {
    /// Puts the first text and HTML bodies of this part and its children into `message`, and names the
    /// attachments.
    fileprivate func collect(into message: inout MailMessage) {
        if !children.isEmpty {
            for child in children { child.collect(into: &message) }
            return
        }
        if let filename, isAttachment {
            message.attachments.append(filename)
            return
        }
        switch mediaType {
        case "text/plain" where message.text.isEmpty: message.text = decodedText
        case "text/html" where message.html == nil: message.html = decodedText
        default: if let filename { message.attachments.append(filename) }
        }
    }
}

/// Addresses out of an address header: `Awa Diop <awa@csar.sn>, "Ndiaye, M." <m@x.sn>` → both, lowercased.
enum MailAddress {
    static func list(_ header: String?) -> [String] {
        guard let header else { return [] }
        var addresses: [String] = []
        for match in header.matches(of: /<([^<>\s]+@[^<>\s]+)>|(?:^|[\s,:;])([^<>\s,;:"]+@[^<>\s,;:"]+)/) {
            if let address = match.1 ?? match.2 { addresses.append(address.lowercased()) }
        }
        return addresses
    }
}

/// The `Date` header (RFC 5322 §3.3), with or without the day name and seconds.
enum MailDate {
    static func parse(_ text: String) -> Date? {
        let cleaned = text.replacing(/\s*\([^)]*\)\s*$/, with: "").trimmingEdges(of: " \t")
        for format in [
            "EEE, d MMM yyyy HH:mm:ss Z", "d MMM yyyy HH:mm:ss Z", "EEE, d MMM yyyy HH:mm Z", "d MMM yyyy HH:mm Z",
        ] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.dateFormat = format
            if let date = formatter.date(from: cleaned) { return date }
        }
        return nil
    }
}
