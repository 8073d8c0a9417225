/// Finds the form a step submits on a parsed page, and describes the page's forms when none matches.
struct FormLocator {
    /// How the step chose the form, its templates rendered.
    enum Choice: Equatable {
        case only
        case css(String)
        case xpath(String)
        /// An absolute URL the form's resolved action must equal.
        case action(String)
    }

    let document: MarkupDocument
    /// The page's URL (after redirects); relative actions resolve against it, or against `<base href>`.
    let pageURL: String

    /// The URL relative references of the page resolve against.
    var baseURL: String {
        let href = (try? HTMLFormReader.baseHref.evaluate(in: document))?.stringValue ?? ""
        guard !href.isEmpty, let resolved = URLResolution.resolve(href, against: pageURL) else { return pageURL }
        return resolved
    }

    /// The forms the choice selects, in document order.
    func candidates(_ choice: Choice) throws(FormSubmissionError) -> [HTMLForm] {
        switch choice {
        case .only:
            return try allForms()
        case .css(let source):
            let selector: CSSSelector
            do {
                selector = try CSSSelector(parsing: source)
            } catch {
                throw FormSubmissionError("invalid selector '\(source)': \(error)")
            }
            return try forms(selectedBy: selector.xpath, shownAs: source)
        case .xpath(let source):
            return try forms(selectedBy: source, shownAs: source)
        case .action(let url):
            let base = baseURL
            return try allForms().filter { form in
                URLResolution.withoutFragment(action(of: form, submitter: nil, base: base))
                    == URLResolution.withoutFragment(url)
            }
        }
    }

    func allForms() throws(FormSubmissionError) -> [HTMLForm] {
        try read(try select { () throws(XPathError) in try document.elements(HTMLFormReader.forms) })
    }

    /// Where a browser sends the form: the submitter's `formaction`, else the form's `action`, resolved;
    /// a missing or empty action is the page itself.
    func action(of form: HTMLForm, submitter: FormControl?, base: String) -> String {
        let written = submitter?.formAction ?? form.action ?? ""
        guard !written.trimmingEdges(of: " \t\n\r").isEmpty else { return pageURL }
        return URLResolution.resolve(written, against: base) ?? pageURL
    }

    /// One line per form of the page, for messages: `form#login (POST /login)`.
    func inventory() -> String {
        guard let forms = try? allForms(), !forms.isEmpty else { return "the page has no form" }
        let listed = forms.prefix(10).map(\.summary).joined(separator: ", ")
        return
            "the page has \(forms.count) form\(forms.count == 1 ? "" : "s"): \(listed)\(forms.count > 10 ? ", …" : "")"
    }

    private func forms(selectedBy xpath: String, shownAs source: String) throws(FormSubmissionError) -> [HTMLForm] {
        let expression: XPathExpression
        do {
            expression = try XPathExpression(xpath)
        } catch {
            throw FormSubmissionError("invalid XPath '\(source)': \(error)")
        }
        let elements = try select { () throws(XPathError) in try document.elements(expression) }
        if let other = elements.first, !elements.contains(where: { $0.name == "form" }) {
            throw FormSubmissionError("'\(source)' selects <\(other.name)> elements, not a <form>")
        }
        return try read(elements)
    }

    /// The ids the page's controls name in `form="…"`.
    private func namedFormIDs() throws(FormSubmissionError) -> Set<String> {
        do {
            guard case .nodes(let values) = try HTMLFormReader.formAttributes.evaluate(in: document) else { return [] }
            return Set(values)
        } catch {
            throw FormSubmissionError("cannot read the page's forms: \(error)")
        }
    }

    private func select(
        _ query: () throws(XPathError) -> [MarkupElement]
    ) throws(FormSubmissionError) -> [MarkupElement] {
        do {
            return try query()
        } catch {
            throw FormSubmissionError("cannot read the page's forms: \(error)")
        }
    }

    private func read(_ elements: [MarkupElement]) throws(FormSubmissionError) -> [HTMLForm] {
        var forms: [HTMLForm] = []
        let namedIDs = try namedFormIDs()
        for element in elements where element.name == "form" {
            do {
                let id = element.attribute("id") ?? ""
                forms.append(try HTMLFormReader.read(element, namedElsewhere: namedIDs.contains(id)))
            } catch {
                throw FormSubmissionError("cannot read the page's forms: \(error)")
            }
        }
        return forms
    }
}

/// Why a form could not be submitted, in the words shown to the user.
struct FormSubmissionError: Error, Sendable, CustomStringConvertible {
    var message: String

    init(_ message: String) {
        self.message = message
    }

    var description: String { message }
}
