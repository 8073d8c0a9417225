/// One name/value pair of a form submission.
struct FormEntry: Sendable, Equatable {
    enum Value: Sendable, Equatable {
        case text(String)
        /// A file input with no file chosen: browsers still send the field, empty.
        case noFile
        /// A file the step attaches; `path` is resolved, `filename` is what the server is told.
        case file(path: String, filename: String, contentType: String?)
    }

    var name: String
    var value: Value
}

/// The HTML standard's "constructing the entry list": what a browser sends when a form is submitted.
/// Disabled controls, unchecked checkboxes and radios, unselected options and every button but the one
/// clicked stay out; hidden and pre-filled fields go as the page wrote them.
enum FormEntryList {
    /// The entries of `form` submitted by the control at `submitter` (nil: no button, as `form.submit()`).
    static func entries(of form: HTMLForm, submitter: Int?) -> [FormEntry] {
        var entries: [FormEntry] = []
        for (index, control) in form.controls.enumerated() where !control.disabled {
            if control.isButton && index != submitter { continue }
            if case .input("image") = control.kind {
                let prefix = control.name.isEmpty ? "" : control.name + "."
                entries += [
                    FormEntry(name: prefix + "x", value: .text("0")), FormEntry(name: prefix + "y", value: .text("0")),
                ]
                continue
            }
            guard !control.name.isEmpty else { continue }
            for value in values(of: control) {
                entries.append(FormEntry(name: control.name, value: value))
            }
        }
        return entries
    }

    private static func values(of control: FormControl) -> [FormEntry.Value] {
        switch control.kind {
        case .input(let type) where type == "checkbox" || type == "radio":
            return control.checked ? [.text(control.value ?? "on")] : []
        case .input("file"):
            return [.noFile]
        case .input("hidden") where control.name.lowercased() == "_charset_" && control.value == nil:
            return [.text("UTF-8")]
        case .select(let multiple, let options):
            return selectedOptions(options, multiple: multiple).filter { !$0.disabled }.map { .text($0.value) }
        case .input, .textarea, .button:
            return [.text(control.value ?? "")]
        }
    }

    /// The options a select holds selected when the page loads: those marked `selected` (the last one
    /// for a single select), else — for a single select — the first option that is not disabled.
    static func selectedOptions(_ options: [FormOption], multiple: Bool) -> [FormOption] {
        if multiple { return options.filter(\.selected) }
        if let last = options.last(where: \.selected) { return [last] }
        return options.first { !$0.disabled }.map { [$0] } ?? []
    }

    /// Line breaks as browsers send them in form data: every lone CR or LF becomes CR LF.
    static func normalizingLineBreaks(_ text: String) -> String {
        guard text.contains(where: { $0 == "\n" || $0 == "\r" }) else { return text }
        var result = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\r":
                result.append(contentsOf: "\r\n".unicodeScalars)
                previousWasCR = true
                continue
            case "\n":
                if !previousWasCR { result.append(contentsOf: "\r\n".unicodeScalars) }
            default:
                result.append(scalar)
            }
            previousWasCR = false
        }
        return String(result)
    }
}
