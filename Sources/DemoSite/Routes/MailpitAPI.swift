import Foundation
import Hummingbird

/// Mailpit's HTTP API (v1) over the ``MailCatcher``, under a path prefix, with Mailpit's field names:
/// - `GET PREFIX/api/v1/messages?start=&limit=` → `{"total","unread","messages_count","start","tags","messages"}`,
///   newest first, each message summarised as `{"ID","MessageID","Read","From","To","Cc",…,"Created",…}`;
/// - `GET PREFIX/api/v1/message/{ID}/raw` → the message as sent (`text/plain`), 404 for an unknown id;
/// - `PUT PREFIX/api/v1/messages` `{"IDs":[…],"Read":true}` and `DELETE PREFIX/api/v1/messages` `{"IDs":[…]}`
///   → `ok`; without `IDs`, every message.
///
/// It stands for a separate service, so none of the site's middleware (maintenance, session, faults) applies.
struct MailpitAPI: Sendable {
    let catcher: MailCatcher
    /// `/mailpit`, or empty for the API at the root.
    let prefix: String

    /// A prefix as configured (`mailpit`, `/mailpit/`) made into `/mailpit`.
    static func normalizedPrefix(_ path: String) -> String {
        let trimmed = path.split(separator: "/").joined(separator: "/")
        return trimmed.isEmpty ? "" : "/" + trimmed
    }

    /// Whether a request belongs to this API rather than to the site.
    func serves(_ path: String) -> Bool {
        path.hasPrefix(prefix + "/api/v1/")
    }

    func register(on router: Router<SiteContext>) {
        router.get("\(prefix)/api/v1/messages") { request, _ in list(request) }
        router.get("\(prefix)/api/v1/message/:id/raw") { _, context in
            guard let message = context.parameters.get("id").flatMap(catcher.message(id:)) else {
                return text("message not found", status: .notFound)
            }
            return Response(
                status: .ok, headers: [.contentType: "text/plain; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: message.mail.raw)))
        }
        router.put("\(prefix)/api/v1/messages") { request, _ in
            try await change(request) { ids, object in
                guard let read = object["Read"] as? Bool else { return false }
                catcher.mark(ids, read: read)
                return true
            }
        }
        router.delete("\(prefix)/api/v1/messages") { request, _ in
            try await change(request) { ids, _ in
                catcher.delete(ids)
                return true
            }
        }
    }

    private func list(_ request: Request) -> Response {
        let query = request.uri.queryParameters
        let start = query["start"].flatMap { Int($0) } ?? 0
        let limit = query["limit"].flatMap { Int($0) } ?? 50
        let page = catcher.page(start: start, limit: limit)
        let body = JSON.object([
            ("total", .int(page.total)), ("unread", .int(page.unread)), ("messages_count", .int(page.total)),
            ("start", .int(start)), ("tags", .array([])), ("messages", .array(page.messages.map(Self.summary))),
        ])
        return Respond.json(body)
    }

    /// Reads `{"IDs":[…],…}` and lets `apply` act on it; 400 for a body that is not such an object.
    private func change(
        _ request: Request, apply: ([String]?, [String: Any]) -> Bool
    ) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: 1 << 20)
        let bytes = Data(buffer: body)
        let object = bytes.isEmpty ? [:] : (try? JSONSerialization.jsonObject(with: bytes)) as? [String: Any]
        guard let object, object["IDs"] == nil || object["IDs"] is [String] else {
            return text("invalid request body", status: .badRequest)
        }
        let ids = (object["IDs"] as? [String]).flatMap { $0.isEmpty ? nil : $0 }
        guard apply(ids, object) else { return text("invalid request body", status: .badRequest) }
        return text("ok", status: .ok)
    }

    private func text(_ text: String, status: HTTPResponse.Status) -> Response {
        Response(
            status: status, headers: [.contentType: "text/plain; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// Mailpit's `MessageSummary`.
    static func summary(_ message: MailCatcher.Message) -> JSON {
        func address(_ address: OutgoingMail.Address) -> JSON {
            .object([("Name", .string(address.name)), ("Address", .string(address.address))])
        }
        let mail = message.mail
        let snippet = mail.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return .object([
            ("ID", .string(message.id)), ("MessageID", .string(mail.messageID)), ("Read", .bool(message.read)),
            ("From", address(mail.from)), ("To", .array(mail.to.map(address))), ("Cc", .array(mail.cc.map(address))),
            ("Bcc", .array([])), ("ReplyTo", .array([])), ("Subject", .string(mail.subject)),
            ("Created", .string(rfc3339(message.created))), ("Username", .string("")), ("Tags", .array([])),
            ("Size", .int(mail.raw.count)), ("Attachments", .int(0)), ("Snippet", .string(String(snippet.prefix(250)))),
        ])
    }

    /// `2026-12-07T03:41:07.123Z`.
    static func rfc3339(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}
