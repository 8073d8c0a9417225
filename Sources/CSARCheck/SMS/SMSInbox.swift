import Foundation

/// The inbox of the SMS provider double (`csar-check doubles`, `--sms-sink`): `GET {inbox}/csar/messages` lists
/// the messages it accepted and the requests it refused (no token, a wrong client secret, a body of the wrong
/// shape), newest first.
struct SMSInbox {
    /// A text message the double accepted.
    struct Message {
        var id: String
        var receivedAt: Date?
        /// `tel:+221771234567`.
        var address: String
        var senderAddress: String
        var senderName: String?
        var text: String
    }

    /// A request the double refused, and why in plain words.
    struct Refusal {
        var receivedAt: Date?
        var method: String
        var path: String
        var status: Int
        var reason: String
    }

    let url: String
    let client: HTTPClient

    init(url: String, transfer: TransferOptions, stop: StopSignal?) {
        self.url = url.hasSuffix("/") ? String(url.dropLast()) : url
        client = HTTPClient(options: transfer, stop: stop)
    }

    /// What the double holds, received at or after `since`.
    func read(since: Date) throws(SMSInboxError) -> (messages: [Message], refusals: [Refusal]) {
        let response: HTTPResponse
        do {
            response = try client.send(HTTPRequest(method: "GET", url: url + "/csar/messages"))
        } catch {
            throw SMSInboxError(inbox: url, message: error.description)
        }
        guard response.status == 200 else {
            throw SMSInboxError(inbox: url, message: "GET /csar/messages answered \(response.status)")
        }
        let json: JSONValue
        do {
            json = try JSONValue.parse(response.body)
        } catch {
            throw SMSInboxError(inbox: url, message: "GET /csar/messages is not JSON: \(error)")
        }
        let messages: [Message] = Self.items(json["messages"]).compactMap { item in
            guard let address = item["address"]?.stringValue, let text = item["message"]?.stringValue else {
                return nil
            }
            return Message(
                id: item["id"]?.stringValue ?? "", receivedAt: Self.date(item["receivedAt"]), address: address,
                senderAddress: item["senderAddress"]?.stringValue ?? "", senderName: item["senderName"]?.stringValue,
                text: text)
        }
        let refusals: [Refusal] = Self.items(json["rejected"]).map { item in
            Refusal(
                receivedAt: Self.date(item["receivedAt"]), method: item["method"]?.stringValue ?? "",
                path: item["path"]?.stringValue ?? "", status: item["status"]?.intValue ?? 0,
                reason: item["reason"]?.stringValue ?? "")
        }
        return (
            messages.filter { ($0.receivedAt ?? since) >= since }, refusals.filter { ($0.receivedAt ?? since) >= since }
        )
    }

    private static func items(_ value: JSONValue?) -> [JSONValue] {
        if case .array(let items)? = value { items } else { [] }
    }

    private static func date(_ value: JSONValue?) -> Date? {
        guard let text = value?.stringValue else { return nil }
        return MailpitMailbox.date(text)
    }
}

/// The SMS double's inbox could not be read.
struct SMSInboxError: Error, CustomStringConvertible {
    var inbox: String
    var message: String

    var description: String { "\(inbox): \(message)" }
}

extension SMSInbox.Message {
    /// The message as a step's response: `To`, `From`, `Sender-Name`, its text as a plain-text body.
    func response(inbox: String, latency: Double) -> HTTPResponse {
        var headers = [HTTPHeader("To", address), HTTPHeader("From", senderAddress)]
        if let senderName { headers.append(HTTPHeader("Sender-Name", senderName)) }
        headers.append(HTTPHeader("Content-Type", "text/plain; charset=utf-8"))
        return HTTPResponse(
            status: 200, httpVersion: "", headers: headers, body: Array(text.utf8),
            timings: HTTPTimings(firstByte: latency, total: latency), effectiveURL: "\(inbox)/csar/messages/\(id)")
    }

    /// Whether this went to `number`: the same digits, one number ending with the other (`771234567` matches
    /// `tel:+221771234567`).
    func isAddressed(to number: String) -> Bool {
        let wanted = number.filter(\.isNumber)
        let actual = address.filter(\.isNumber)
        guard !wanted.isEmpty, !actual.isEmpty else { return false }
        return actual.hasSuffix(wanted) || wanted.hasSuffix(actual)
    }
}
