/// A `<form>` as a page wrote it: its attributes and its controls in tree order, everything a browser
/// needs to submit it.
struct HTMLForm: Sendable, Equatable {
    /// The `method`, `action` and `enctype` attributes as written (nil when absent).
    var method: String?
    var action: String?
    var enctype: String?
    var id: String?
    var name: String?
    /// `rel="noreferrer"`: the browser sends no Referer.
    var noReferrer = false
    /// `novalidate`: the browser submits it without checking its constraints (`required`).
    var noValidate = false
    var controls: [FormControl] = []

    /// How error messages name the form: `form#login (POST /login)`.
    var summary: String {
        var text = "form"
        if let id, !id.isEmpty { text += "#\(id)" } else if let name, !name.isEmpty { text += "[name=\(name)]" }
        let verb = (method ?? "get").lowercased() == "post" ? "POST" : "GET"
        return text + " (\(verb) \(action.map { $0.isEmpty ? "<this page>" : $0 } ?? "<this page>"))"
    }
}

/// An `input`, `select`, `textarea` or `button` of a form.
struct FormControl: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// `input` with its `type` lowercased (`text` when absent).
        case input(type: String)
        case select(multiple: Bool, options: [FormOption])
        case textarea
        /// `button` with its `type` lowercased (`submit` when absent or unknown, as browsers read it).
        case button(type: String)
    }

    var kind: Kind
    var name: String
    /// The `value` attribute, or a textarea's text; nil when absent.
    var value: String?
    var checked = false
    /// The control's own `disabled`, or a disabled `<fieldset>` around it (outside its first legend).
    var disabled = false
    var id: String?
    /// What a user sees on a button: its text, or an input's `value` / `alt`.
    var label = ""
    /// A submit button's own `formaction`, `formmethod` and `formenctype`, which win over the form's.
    var formAction: String?
    var formMethod: String?
    var formEnctype: String?
    /// `required`: a browser will not submit the form while it has no value.
    var required = false
    /// `readonly`: the user cannot change it, and the browser does not check its constraints.
    var readOnly = false
    /// A submit button's `formnovalidate`: clicking it submits the form unchecked.
    var formNoValidate = false

    /// Buttons that submit the form when clicked: `input type=submit|image`, `button` of type submit.
    var isSubmitButton: Bool {
        switch kind {
        case .input(let type): type == "submit" || type == "image"
        case .button(let type): type == "submit"
        default: false
        }
    }

    /// Buttons of any kind, which never go with the form unless they are the one clicked.
    var isButton: Bool {
        switch kind {
        case .input(let type): ["submit", "image", "reset", "button"].contains(type)
        case .button: true
        default: false
        }
    }
}

/// An `<option>` of a select.
struct FormOption: Sendable, Equatable {
    /// Its `value` attribute, or else its text with whitespace collapsed.
    var value: String
    var selected: Bool
    /// Its own `disabled`, or a disabled `<optgroup>` around it.
    var disabled: Bool
}
