/// A step's changes to a form's entries, applied as a user filling the form would: a field the step sets
/// replaces the form's field of that name where it stands (several values repeat the name), or is added
/// after the others; removed fields are not sent; files take the place of the form's file inputs.
struct FormOverrides: Sendable {
    var fields: [(name: String, values: [String])] = []
    var remove: [String] = []
    var files: [(name: String, file: FormEntry.Value)] = []

    func apply(to entries: [FormEntry], of form: HTMLForm) throws(FormSubmissionError) -> [FormEntry] {
        var result = entries
        for name in remove {
            guard result.contains(where: { $0.name == name }) else {
                throw FormSubmissionError(
                    "'remove' names '\(name)', which \(form.summary) does not send (it sends: \(Self.names(entries)))")
            }
            result.removeAll { $0.name == name }
        }
        for field in fields {
            Self.replace(field.name, with: field.values.map(FormEntry.Value.text), in: &result)
        }
        for file in files {
            Self.replace(file.name, with: [file.file], in: &result)
        }
        return result
    }

    private static func replace(_ name: String, with values: [FormEntry.Value], in entries: inout [FormEntry]) {
        let replacements = values.map { FormEntry(name: name, value: $0) }
        guard let first = entries.firstIndex(where: { $0.name == name }) else {
            entries += replacements
            return
        }
        var rebuilt: [FormEntry] = []
        for (index, entry) in entries.enumerated() {
            if index == first {
                rebuilt += replacements
            } else if entry.name != name {
                rebuilt.append(entry)
            }
        }
        entries = rebuilt
    }

    /// Distinct field names in order, for messages.
    static func names(_ entries: [FormEntry]) -> String {
        var seen: [String] = []
        for entry in entries where !seen.contains(entry.name) { seen.append(entry.name) }
        return seen.isEmpty ? "nothing" : seen.joined(separator: ", ")
    }
}
