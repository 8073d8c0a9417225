/// Reads a step's `sms:` (see `SMSWait`).
enum SMSWaitLoading {
    static let keys = ["inbox", "to", "sender", "contains", "within"]

    static func sms(_ step: MappingFields, scope: VariableScope) throws(ScenarioError) -> SMSWait? {
        guard let node = step.value("sms") else { return nil }
        let path = step.keyPath("sms")
        let spec = try MappingFields(node, path: path, known: keys, reader: step.reader)
        func template(_ key: String) throws(ScenarioError) -> Template? {
            try spec.value(key).map { node throws(ScenarioError) in try scope.template(node, key: spec.keyPath(key)) }
        }
        var wait = SMSWait(
            inbox: try scope.template(try spec.required("inbox"), key: spec.keyPath("inbox")), to: try template("to"),
            sender: try template("sender"), location: step.location("sms"), key: path)
        if let contains = spec.value("contains") {
            wait.contains = try scope.templates(oneOrMany: contains, key: spec.keyPath("contains"))
        }
        if let within = try WaitTime.read(spec, key: "within", scope: scope) { wait.within = within }
        if wait.to == nil, wait.contains.isEmpty {
            throw step.reader.error(
                at: node, key: path,
                "say which message: 'to' (the requester's number) or 'contains' (the reference this run submitted)")
        }
        return wait
    }
}
