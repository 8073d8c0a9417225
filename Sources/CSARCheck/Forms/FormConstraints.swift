/// What a browser checks before it submits a form that a scenario can get wrong: every `required` field has
/// a value (HTML's "suffering from being missing"). A form with `novalidate`, or submitted by a button with
/// `formnovalidate`, is not checked; disabled and read-only controls never are.
enum FormConstraints {
    /// The names of the required controls `entries` leave without a value, in form order.
    static func missingRequired(in form: HTMLForm, entries: [FormEntry], submitter: FormControl?) -> [String] {
        if form.noValidate || submitter?.formNoValidate == true { return [] }
        var missing: [String] = []
        for control in form.controls where control.required && !control.disabled && !control.name.isEmpty {
            guard !missing.contains(control.name), isMissing(control, in: entries) else { continue }
            missing.append(control.name)
        }
        return missing
    }

    private static func isMissing(_ control: FormControl, in entries: [FormEntry]) -> Bool {
        let values = entries.filter { $0.name == control.name }.map(\.value)
        switch control.kind {
        case .input(let type):
            switch type {
            case "hidden", "submit", "image", "reset", "button", "range", "color":
                return false
            case "checkbox", "radio":
                return values.isEmpty
            case "file":
                return !values.contains { if case .file = $0 { true } else { false } }
            default:
                return !control.readOnly && !values.contains { $0 != .text("") && $0 != .noFile }
            }
        case .textarea:
            return !control.readOnly && !values.contains { $0 != .text("") }
        case .select:
            return !values.contains { $0 != .text("") }
        case .button:
            return false
        }
    }
}
