/// A step's `submit_form:`: a form of the previous response, submitted as a browser would — its method,
/// action and encoding, every hidden and pre-filled field — with the step's own fields on top.
public struct FormSubmission: Sendable {
    /// Which form of the page.
    public enum Selector: Sendable {
        /// The page's only form (an error when it has several).
        case only
        /// A CSS selector such as `form#login` or `form[action$="/login"]`.
        case css(Template)
        case xpath(Template)
        /// The form whose action, resolved against the page, is this URL (relative to the base URL).
        case action(Template)
    }

    /// Which submit button is clicked; its name and value go with the form.
    public enum Button: Sendable {
        /// The form's first submit button, as pressing Enter in a field does.
        case first
        /// None, as a script's `form.submit()`.
        case noButton
        /// The submit button with this name, label (value, text or alt) or id.
        case named(Template)
    }

    public var selector: Selector
    /// Which of the matching forms, from 0; nil: the first (the only one without a selector).
    public var index: Int?
    /// Fields replacing the form's fields of the same name; several values repeat the name. A field the form
    /// does not have is refused; one whose name renders empty is left out.
    public var fields: [(name: Template, values: [Template])]
    /// `add:`: fields sent although the form has none of that name (a browser could not send them).
    public var additions: [(name: Template, values: [Template])] = []
    /// `novalidate: true`: submit without the browser's check that `required` fields have a value, as a
    /// script can (to test the server's own validation).
    public var noValidate = false
    /// Fields of the form not to send.
    public var remove: [Template]
    /// Files for the form's file inputs (a multipart form only).
    public var files: [MultipartField]
    public var button: Button
    /// Where `submit_form:` is written, for errors at run time.
    public var location: SourceLocation
    /// Its key path, e.g. `steps[3].submit_form`.
    public var key: String
    /// The line of the file at `location`, shown with a failure of the submission.
    public var sourceLine: String?

    /// How messages name the form selection: `form matching 'form#login'`, `the page's only form`; with
    /// `render`, the selector as sent rather than as written.
    public func selectorDescription(render: (Template) -> String = \.source) -> String {
        switch selector {
        case .only: "the page's only form"
        case .css(let template): "form matching '\(render(template))'"
        case .xpath(let template): "form matching XPath '\(render(template))'"
        case .action(let template): "form with action '\(render(template))'"
        }
    }
}
