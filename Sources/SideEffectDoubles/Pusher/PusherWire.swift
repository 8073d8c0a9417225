import Foundation

/// Pusher's WebSocket messages: JSON objects with an `event`, maybe a `channel`, and `data`, which the server
/// sends as JSON text in a string (but for `pusher:error`, an object) and clients send either way.
enum PusherWire {
    /// A message as received: its data is a dictionary whether it came as an object or as JSON text.
    struct Incoming {
        var event: String
        var channel: String?
        var data: [String: Any]
    }

    static func parse(_ text: String) -> Incoming? {
        guard let object = jsonObject(Data(text.utf8)), let event = object["event"] as? String else { return nil }
        let data: [String: Any]
        switch object["data"] {
        case let dictionary as [String: Any]: data = dictionary
        case let string as String: data = jsonObject(Data(string.utf8)) ?? [:]
        default: data = [:]
        }
        return Incoming(event: event, channel: object["channel"] as? String, data: data)
    }

    static func jsonObject(_ data: Data) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }

    /// Any JSON value read from its text (an object, an array, a string, a number).
    static func jsonValue(_ text: String) -> Any? {
        try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }

    /// `{"event":…,"channel":…,"data":"<data as JSON text>"}`.
    static func message(event: String, channel: String? = nil, data: String) -> String {
        var object: [String: Any] = ["event": event, "data": data]
        if let channel { object["channel"] = channel }
        return text(object)
    }

    /// `data` written as JSON text, for a message's `data` string.
    static func text(_ object: Any) -> String {
        let data =
            (try? JSONSerialization.data(
                withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed]))
        return String(decoding: data ?? Data("{}".utf8), as: UTF8.self)
    }

    static func connectionEstablished(socketID: String, activityTimeout: Int) -> String {
        message(
            event: "pusher:connection_established",
            data: text(["socket_id": socketID, "activity_timeout": activityTimeout] as [String: Any]))
    }

    /// `pusher:error`, whose data is an object, as Pusher's protocol documentation shows it.
    static func error(code: Int?, message: String) -> String {
        text(["event": "pusher:error", "data": ["code": code.map { $0 as Any } ?? NSNull(), "message": message]])
    }

    /// `pusher:subscription_error` on the channel, with the fields pusher-js gives its listeners.
    static func subscriptionError(channel: String, reason: String) -> String {
        message(
            event: "pusher:subscription_error", channel: channel,
            data: text(["type": "AuthError", "error": reason, "status": 401] as [String: Any]))
    }
}
