/// A step's changes to a form's entries, applied as a user filling the form would: a field the step sets
/// replaces the form's field of that name where it stands (several values repeat the name); removed fields
/// are not sent; files take the place of the form's file inputs. A user can only fill the fields a form has,
/// so a field or file the form lacks is refused, naming the fields it has; `add:` sends one on purpose.
struct FormOverrides: Sendable {
    /// A field the step sets, and how the step could leave it out (`--var type_field=`) for the message
    /// when the form has no such field.
    struct Field: Sendable {
        var name: String
        var values: [String]
        var leaveOut: String?
    }

    var fields: [Field] = []
    /// Fields sent although the form has none of that name (`add:`), after the form's own.
    var additions: [(name: String, values: [String])] = []
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
        let controls = form.controls.filter { !$0.name.isEmpty && !$0.isButton }
        for field in fields {
            guard controls.contains(where: { $0.name == field.name }) else {
                let leaveOut = field.leaveOut.map {
                    ", or leave it out with \($0) (a field whose name is empty is not sent)"
                }
                throw FormSubmissionError(
                    "\(form.summary) has no field '\(field.name)', so a browser could not send it; its fields: "
                        + "\(Self.fieldList(controls)). Name one of them, list '\(field.name)' under 'add' to send "
                        + "it anyway\(leaveOut ?? "")")
            }
            Self.replace(field.name, with: field.values.map(FormEntry.Value.text), in: &result)
        }
        for file in files {
            guard controls.contains(where: { $0.name == file.name && $0.kind == .input(type: "file") }) else {
                let fileInputs = controls.filter { $0.kind == .input(type: "file") }
                throw FormSubmissionError(
                    "\(form.summary) has no file field '\(file.name)' to attach a file to; "
                        + (fileInputs.isEmpty
                            ? "it has no file field at all"
                            : "its file fields: \(Self.fieldList(fileInputs))"))
            }
            Self.replace(file.name, with: [file.file], in: &result)
        }
        for addition in additions {
            result.removeAll { $0.name == addition.name }
            result += addition.values.map { FormEntry(name: addition.name, value: .text($0)) }
        }
        return result
    }

    private static func replace(_ name: String, with values: [FormEntry.Value], in entries: inout [FormEntry]) {
        let replacements = values.map { FormEntry(name: name, value: $0) }
        guard let first = entries.firstIndex(where: { $0.name == name }) else {
            // A control the form has but does not send as it stands: an unchecked box, a select with nothing.
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
        list(entries.map(\.name))
    }

    /// The controls' distinct names in order, for messages.
    static func fieldList(_ controls: [FormControl]) -> String {
        list(controls.map(\.name))
    }

    private static func list(_ names: [String]) -> String {
        var seen: [String] = []
        for name in names where !seen.contains(name) { seen.append(name) }
        return seen.isEmpty ? "nothing" : seen.joined(separator: ", ")
    }
}
