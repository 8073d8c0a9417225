/// Which submit button "clicks" the form: its name and value are sent, no other button's are.
enum FormSubmitterChoice {
    enum Button: Equatable {
        /// The first submit button, as pressing Enter in a field does (none if it is disabled).
        case first
        case noButton
        /// Matched against the button's name, then its label (value, text or alt), then its id.
        case named(String)
    }

    /// The index of the clicked control in `form.controls`, or nil when no button is clicked.
    static func index(in form: HTMLForm, button: Button) throws(FormSubmissionError) -> Int? {
        let submitButtons = form.controls.indices.filter { form.controls[$0].isSubmitButton }
        switch button {
        case .noButton:
            return nil
        case .first:
            guard let first = submitButtons.first, !form.controls[first].disabled else { return nil }
            return first
        case .named(let wanted):
            let matchers: [(FormControl) -> Bool] = [
                { $0.name == wanted }, { $0.label == wanted }, { $0.id == wanted },
            ]
            for matches in matchers {
                if let found = submitButtons.first(where: { matches(form.controls[$0]) }) {
                    guard !form.controls[found].disabled else {
                        throw FormSubmissionError("the button '\(wanted)' of \(form.summary) is disabled")
                    }
                    return found
                }
            }
            let listed = submitButtons.map { index -> String in
                let control = form.controls[index]
                return control.name.isEmpty ? "'\(control.label)'" : "'\(control.label)' (name \(control.name))"
            }
            throw FormSubmissionError(
                "no submit button '\(wanted)' in \(form.summary); "
                    + (listed.isEmpty ? "it has none" : "its buttons: \(listed.joined(separator: ", "))"))
        }
    }
}
