import Foundation

/// A request to the HTTP events API judged as Pusher does: key, timestamp, body MD5 and signature first (401
/// with a text message), then the body (400), into the events it asks for. A pure function of its inputs.
struct PusherEventsRequest {
    struct Rejection: Error, Equatable {
        var status: Int
        var message: String
    }

    let configuration: PusherServer.Configuration

    /// The events of `POST path?query` with `body`, or why not. `batch` reads `{"batch":[…]}` of
    /// `/batch_events`, else one event with `channels` or `channel`.
    func events(
        appID: String, path: String, query: [String: String], body: Data, batch: Bool, now: Date = Date()
    ) -> Result<[PusherServer.Event], Rejection> {
        if let rejection = authenticationFailure(appID: appID, path: path, query: query, body: body, now: now) {
            return .failure(rejection)
        }
        return Self.parse(body, batch: batch)
    }

    /// The events a body asks for, signature unchecked (a rejected request's events are recorded too).
    static func parse(_ body: Data, batch: Bool) -> Result<[PusherServer.Event], Rejection> {
        guard let object = PusherWire.jsonObject(body) else {
            return .failure(Rejection(status: 400, message: "Invalid JSON in the request body"))
        }
        if batch {
            guard let items = object["batch"] as? [[String: Any]] else {
                return .failure(Rejection(status: 400, message: "Missing batch: an array of events"))
            }
            var events: [PusherServer.Event] = []
            for item in items {
                switch event(from: item) {
                case .success(let event): events.append(event)
                case .failure(let rejection): return .failure(rejection)
                }
            }
            return .success(events)
        }
        return event(from: object).map { [$0] }
    }

    private func authenticationFailure(
        appID: String, path: String, query: [String: String], body: Data, now: Date
    ) -> Rejection? {
        func unauthorized(_ message: String) -> Rejection { Rejection(status: 401, message: message) }
        guard appID == configuration.appID else { return unauthorized("Unknown app id \(appID)") }
        guard query["auth_key"] == configuration.key else {
            return unauthorized("Unknown auth_key \(query["auth_key"] ?? "(none)")")
        }
        guard query["auth_version"] == "1.0" else { return unauthorized("auth_version must be 1.0") }
        guard let timestamp = query["auth_timestamp"].flatMap(Int.init) else {
            return unauthorized("Missing or invalid auth_timestamp")
        }
        let skew = Int(now.timeIntervalSince1970) - timestamp
        guard abs(skew) <= configuration.timestampTolerance else {
            return unauthorized(
                "Timestamp expired: Given timestamp (\(timestamp)) not within \(configuration.timestampTolerance)s"
                    + " of server time (\(Int(now.timeIntervalSince1970)))")
        }
        let md5 = PusherSignature.bodyMD5Hex(body)
        guard query["body_md5"] == md5 else {
            return unauthorized("Invalid body_md5: expected \(md5), got \(query["body_md5"] ?? "(none)")")
        }
        let stringToSign = PusherSignature.requestStringToSign(method: "POST", path: path, query: query)
        let expected = PusherSignature.hmacSHA256Hex(secret: configuration.secret, message: stringToSign)
        guard query["auth_signature"] == expected else {
            let escaped = stringToSign.replacingOccurrences(of: "\n", with: "\\n")
            return unauthorized(
                "Invalid signature: you should have sent HmacSHA256Hex(\"\(escaped)\", your_secret_key),"
                    + " but you sent \"\(query["auth_signature"] ?? "")\"")
        }
        return nil
    }

    private static func event(from object: [String: Any]) -> Result<PusherServer.Event, Rejection> {
        func invalid(_ message: String) -> Result<PusherServer.Event, Rejection> {
            .failure(Rejection(status: 400, message: message))
        }
        guard let name = object["name"] as? String, !name.isEmpty else { return invalid("Missing event name") }
        let channels = (object["channels"] as? [String]) ?? (object["channel"] as? String).map { [$0] } ?? []
        guard !channels.isEmpty else { return invalid("Missing channels or channel") }
        guard let data = object["data"] as? String else { return invalid("data must be a string") }
        return .success(
            PusherServer.Event(
                name: name, channels: channels, data: data, excludedSocketID: object["socket_id"] as? String))
    }
}
