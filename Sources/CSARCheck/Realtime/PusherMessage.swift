import Foundation

/// A message from a Pusher server: its event, its channel, and its data both as text (how an event's data is
/// handed on) and as an object when it is one (`pusher:error` sends an object, the others JSON text).
struct PusherMessage {
    var event: String
    var channel: String?
    var data: String
    var object: [String: Any]

    init?(_ text: String) {
        guard let message = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any],
            let event = message["event"] as? String
        else { return nil }
        self.event = event
        channel = message["channel"] as? String
        switch message["data"] {
        case let string as String:
            data = string
            object = ((try? JSONSerialization.jsonObject(with: Data(string.utf8))) as? [String: Any]) ?? [:]
        case let dictionary as [String: Any]:
            let encoded = try? JSONSerialization.data(withJSONObject: dictionary, options: [.sortedKeys])
            data = encoded.map { String(decoding: $0, as: UTF8.self) } ?? ""
            object = dictionary
        default:
            data = ""
            object = [:]
        }
    }
}
