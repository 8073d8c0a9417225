/// Validation messages per field, in the order the rules ran (Laravel's `MessageBag`).
struct ValidationErrors: Sendable, Equatable {
    struct Field: Sendable, Equatable {
        let name: String
        var messages: [String]
    }

    private(set) var fields: [Field] = []

    var isEmpty: Bool { fields.isEmpty }

    /// Every message, field by field, as `$errors->all()` lists them.
    var allMessages: [String] { fields.flatMap(\.messages) }

    mutating func add(_ message: String, to field: String) {
        if let index = fields.firstIndex(where: { $0.name == field }) {
            fields[index].messages.append(message)
        } else {
            fields.append(Field(name: field, messages: [message]))
        }
    }

    func has(_ field: String) -> Bool {
        fields.contains { $0.name == field }
    }

    /// Laravel's 422 body: `{"message": first message (and N more errors), "errors": {field: [messages]}}`.
    var json: JSON {
        let messages = allMessages
        var summary = messages.first ?? "Les données fournies sont invalides."
        if messages.count > 1 {
            let extra = messages.count - 1
            summary += extra == 1 ? " (et 1 erreur en plus)" : " (et \(extra) erreurs en plus)"
        }
        let errors = fields.map { field in (field.name, JSON.array(field.messages.map(JSON.string))) }
        return .object([("message", .string(summary)), ("errors", .object(errors))])
    }
}
