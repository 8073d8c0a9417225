import Foundation

/// The JSON the SMS double answers: Orange's shapes for the API, and the inbox's.
enum OrangeSMSWire {
    /// `{"token_type":"Bearer","access_token":…,"expires_in":…}`
    static func token(_ token: String, lifetime: Int) -> Data {
        json(["token_type": "Bearer", "access_token": token, "expires_in": lifetime])
    }

    /// The request as it came, its `resourceURL` added: `{"outboundSMSMessageRequest":{…,"resourceURL":…}}`.
    static func created(requestBody: Data, resourceURL: String) -> Data {
        let root = (try? JSONSerialization.jsonObject(with: requestBody)) as? [String: Any]
        var request = root?["outboundSMSMessageRequest"] as? [String: Any] ?? [:]
        request["resourceURL"] = resourceURL
        return json(["outboundSMSMessageRequest": request])
    }

    /// The error body of a refusal, in the shape Orange gives its kind, and the headers that go with it.
    static func refusal(_ refusal: OrangeSMSRefusal) -> (headers: [String: String], body: Data) {
        switch refusal.kind {
        case .invalidClient:
            return (
                ["WWW-Authenticate": "Basic realm=\"Authorization Required\""],
                json(["error": "invalid_client", "error_description": refusal.reason])
            )
        case .invalidRequest:
            return ([:], json(["error": "invalid_request", "error_description": refusal.reason]))
        case .unsupportedGrantType:
            return ([:], json(["error": "unsupported_grant_type", "error_description": refusal.reason]))
        case .invalidToken:
            return (
                ["WWW-Authenticate": "Bearer realm=\"Orange API\""],
                json(["code": 41, "message": "Invalid credentials", "description": refusal.reason])
            )
        case .expiredToken:
            return (
                ["WWW-Authenticate": "Bearer realm=\"Orange API\", error=\"invalid_token\""],
                json(["code": 42, "message": "Expired credentials", "description": refusal.reason])
            )
        case .invalidInput:
            let exception: [String: Any] = [
                "messageId": "SVC0002", "text": "Invalid input value for message part %1",
                "variables": [refusal.reason],
            ]
            return ([:], json(["requestError": ["serviceException": exception]]))
        case .notFound:
            return ([:], json(["code": 60, "message": "Resource not found", "description": refusal.reason]))
        }
    }

    /// `{"messages":[…],"rejected":[…]}`, each list newest first.
    static func inbox(messages: [OrangeSMSDouble.Message], rejections: [OrangeSMSDouble.Rejection]) -> Data {
        let messageObjects = messages.reversed().map { message -> [String: Any] in
            [
                "id": message.id, "receivedAt": timestamp(message.receivedAt), "address": message.address,
                "senderAddress": message.senderAddress, "senderName": message.senderName.map { $0 as Any } ?? NSNull(),
                "message": message.message,
            ]
        }
        let rejectionObjects = rejections.reversed().map { rejection -> [String: Any] in
            [
                "receivedAt": timestamp(rejection.receivedAt), "method": rejection.method, "path": rejection.path,
                "status": rejection.status, "reason": rejection.reason,
            ]
        }
        return json(["messages": messageObjects, "rejected": rejectionObjects])
    }

    /// `{"error":…}` for a bad inbox query.
    static func inboxError(_ message: String) -> Data {
        json(["error": message])
    }

    /// `2026-12-01T10:00:00.123Z`, from the whole milliseconds (a formatter may round a fraction up or down).
    static func timestamp(_ date: Date) -> String {
        let milliseconds = milliseconds(date)
        let (seconds, fraction) = milliseconds.quotientAndRemainder(dividingBy: 1000)
        let text = Date(timeIntervalSince1970: Double(seconds)).formatted(Date.ISO8601FormatStyle())
        return String(text.dropLast()) + "." + String(1000 + fraction).dropFirst() + "Z"
    }

    /// An ISO 8601 date-time with or without a fraction of a second and with `Z` or an offset.
    static func date(_ text: String) -> Date? {
        (try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
            ?? (try? Date(text, strategy: Date.ISO8601FormatStyle()))
    }

    /// `date` cut to the millisecond, as the inbox writes it.
    static func millisecond(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded(.down) / 1000)
    }

    /// Milliseconds since 1970, the unit the inbox compares `since` in.
    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    private static func json(_ object: [String: Any]) -> Data {
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data("{}".utf8)
    }
}
