import Yams

/// Reads a step's `mail:` (see `MailWait`).
enum MailWaitLoading {
    static let keys = ["mailbox", "user", "password", "cacert", "to", "from", "subject", "contains", "within", "then"]

    static func mail(_ step: MappingFields, scope: VariableScope) throws(ScenarioError) -> MailWait? {
        guard let node = step.value("mail") else { return nil }
        let reader = step.reader
        let path = step.keyPath("mail")
        let spec = try MappingFields(node, path: path, known: keys, reader: reader)
        func template(_ key: String) throws(ScenarioError) -> Template? {
            try spec.value(key).map { node throws(ScenarioError) in try scope.template(node, key: spec.keyPath(key)) }
        }
        let mailboxNode = try spec.required("mailbox")
        var wait = MailWait(
            mailbox: try scope.template(mailboxNode, key: spec.keyPath("mailbox")), user: try template("user"),
            password: try template("password"), caCertificate: try template("cacert"), to: try template("to"),
            from: try template("from"), subject: try template("subject"), location: step.location("mail"), key: path)
        if mailboxNode.scalar.map({ !$0.string.contains("{{") }) == true {
            try checkScheme(wait.mailbox.source, at: mailboxNode, key: spec.keyPath("mailbox"), reader: reader)
        }
        if let contains = spec.value("contains") {
            wait.contains = try scope.templates(oneOrMany: contains, key: spec.keyPath("contains"))
        }
        if let within = try WaitTime.read(spec, key: "within", scope: scope) { wait.within = within }
        if let then = try spec.string("then") {
            guard let known = MailWait.Then(rawValue: then) else {
                throw reader.error(
                    at: spec.value("then"), key: spec.keyPath("then"),
                    "'\(then)' is not one of \(MailWait.Then.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            wait.then = known
        }
        if wait.to == nil, wait.from == nil, wait.subject == nil, wait.contains.isEmpty {
            throw reader.error(
                at: node, key: path,
                "say which message: 'to', 'from', 'subject' or 'contains' (the reference this run submitted, so "
                    + "an older message never passes)")
        }
        return wait
    }

    /// imap://, imaps://, http:// or https://.
    static func checkScheme(_ url: String, at node: Node, key: String, reader: YAMLReader) throws(ScenarioError) {
        guard ["imap://", "imaps://", "http://", "https://"].contains(where: url.hasPrefix) else {
            throw reader.error(
                at: node, key: key,
                "a mailbox is imaps://host/INBOX (or imap://), or http(s):// for a Mailpit-style API; found '\(url)'")
        }
    }
}
