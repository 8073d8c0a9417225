/// Reads a step's `subscribe:` and `expect_event:` (see `ChannelSubscription`, `EventWait`).
enum RealtimeLoading {
    static let subscribeKeys = ["url", "key", "channel", "auth", "cacert", "timeout"]
    static let eventKeys = ["channel", "event", "contains", "within"]

    static func subscription(_ step: MappingFields, scope: VariableScope) throws(ScenarioError) -> ChannelSubscription?
    {
        guard let node = step.value("subscribe") else { return nil }
        let path = step.keyPath("subscribe")
        let spec = try MappingFields(node, path: path, known: subscribeKeys, reader: step.reader)
        func template(_ key: String) throws(ScenarioError) -> Template? {
            try spec.value(key).map { node throws(ScenarioError) in try scope.template(node, key: spec.keyPath(key)) }
        }
        var subscription = ChannelSubscription(
            url: try template("url"), key: try template("key"),
            channel: try scope.template(try spec.required("channel"), key: spec.keyPath("channel")),
            caCertificate: try template("cacert"), location: step.location("subscribe"), keyPath: path)
        if let auth = try template("auth") { subscription.auth = auth }
        if let timeout = try spec.duration("timeout", rule: .timeout) { subscription.timeout = timeout }
        if let url = subscription.url?.source, !url.contains("{{"),
            !["ws://", "wss://"].contains(where: url.hasPrefix)
        {
            throw step.reader.error(
                at: spec.value("url"), key: spec.keyPath("url"),
                "a Pusher-protocol server is ws://host:port or wss://host; found '\(url)'")
        }
        return subscription
    }

    static func event(_ step: MappingFields, scope: VariableScope) throws(ScenarioError) -> EventWait? {
        guard let node = step.value("expect_event") else { return nil }
        let path = step.keyPath("expect_event")
        let spec = try MappingFields(node, path: path, known: eventKeys, reader: step.reader)
        var wait = EventWait(
            channel: try scope.template(try spec.required("channel"), key: spec.keyPath("channel")),
            event: try scope.template(try spec.required("event"), key: spec.keyPath("event")),
            location: step.location("expect_event"), key: path)
        if let within = try WaitTime.read(spec, key: "within", scope: scope) { wait.within = within }
        if let contains = spec.value("contains") {
            wait.contains = try scope.templates(oneOrMany: contains, key: spec.keyPath("contains"))
        }
        return wait
    }
}
