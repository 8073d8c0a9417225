import Foundation

/// A mailbox behind Mailpit's HTTP API (Laravel Sail's mail catcher, common on staging): `GET /api/v1/messages`
/// lists the newest messages, `GET /api/v1/message/{ID}/raw` gives one as sent, `PUT /api/v1/messages` marks
/// read, `DELETE /api/v1/messages` deletes. A user and password, when given, go as HTTP basic authentication.
final class MailpitMailbox: Mailbox {
    let settings: MailboxSettings
    private let client: HTTPClient
    private var fetched: [String: MailMessage] = [:]

    init(_ settings: MailboxSettings, transfer: TransferOptions, stop: StopSignal? = nil) {
        self.settings = settings
        var options = transfer
        if let ca = settings.caCertificatePath { options.caCertificatePath = ca }
        client = HTTPClient(options: options, stop: stop)
    }

    private var base: String { settings.url.hasSuffix("/") ? String(settings.url.dropLast()) : settings.url }

    func messages(since: Date, limit: Int) throws(MailboxError) -> [ReceivedMail] {
        let list = try json(try send("GET", "/api/v1/messages?limit=\(limit)", doing: "list the messages"))
        guard case .array(let items)? = list["messages"] else {
            throw MailboxError(mailbox: settings.url, operation: "list the messages", message: "no `messages` list")
        }
        var mails: [ReceivedMail] = []
        for item in items {
            guard case .string(let id)? = item["ID"] else { continue }
            let created = item["Created"].flatMap { value -> Date? in
                if case .string(let text) = value { Self.date(text) } else { nil }
            }
            if let created, created < since { continue }
            if fetched[id] == nil {
                let raw = try send("GET", "/api/v1/message/\(id)/raw", doing: "fetch message \(id)")
                fetched[id] = MailMessage.parse(raw.body)
            }
            if let message = fetched[id] { mails.append(ReceivedMail(id: id, receivedAt: created, message: message)) }
        }
        return mails
    }

    func markSeen(_ mail: ReceivedMail) throws(MailboxError) {
        _ = try send(
            "PUT", "/api/v1/messages", body: #"{"IDs":[\#(JSONValue.string(mail.id).jsonText)],"Read":true}"#,
            doing: "mark the message read")
    }

    func delete(_ mail: ReceivedMail) throws(MailboxError) {
        _ = try send(
            "DELETE", "/api/v1/messages", body: #"{"IDs":[\#(JSONValue.string(mail.id).jsonText)]}"#,
            doing: "delete the message")
    }

    private func send(
        _ method: String, _ path: String, body: String? = nil, doing operation: String
    ) throws(MailboxError)
        -> HTTPResponse
    {
        var headers = [HTTPHeader("Accept", "application/json")]
        if let user = settings.user {
            let credentials = Data("\(user):\(settings.password ?? "")".utf8).base64EncodedString()
            headers.append(HTTPHeader("Authorization", "Basic \(credentials)"))
        }
        let request = HTTPRequest(
            method: method, url: base + path, headers: headers,
            body: body.map { .bytes(Array($0.utf8), contentType: "application/json") } ?? .none)
        let response: HTTPResponse
        do {
            response = try client.send(request)
        } catch {
            throw MailboxError(mailbox: settings.url, operation: operation, message: error.description)
        }
        guard (200..<300).contains(response.status) else {
            let hint = response.status == 401 ? " — the mailbox refused the user or password" : ""
            throw MailboxError(
                mailbox: settings.url, operation: operation, message: "HTTP \(response.status)\(hint)")
        }
        return response
    }

    private func json(_ response: HTTPResponse) throws(MailboxError) -> JSONValue {
        do {
            return try JSONValue.parse(response.body)
        } catch {
            throw MailboxError(mailbox: settings.url, operation: "read the answer", message: "not JSON: \(error)")
        }
    }

    /// Mailpit's `Created`: RFC 3339 with fractional seconds (`2026-12-07T03:41:07.123Z`).
    static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }
}
