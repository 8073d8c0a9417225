/// Reads `<form>` elements of a parsed page into `HTMLForm`s, finding their controls as browsers do:
/// the inputs, selects, textareas and buttons inside the form (not in a `<datalist>`), and those
/// elsewhere that name it with `form="id"`.
enum HTMLFormReader {
    static let forms = fixed("//form")
    static let controlTest =
        "(self::input or self::select or self::textarea or self::button) and not(ancestor::datalist)"
    static let options = fixed(".//option")
    static let inDisabledOptgroup = fixed("boolean(ancestor::optgroup[@disabled])")
    static let inDisabledFieldset = fixed("boolean(ancestor::fieldset[@disabled])")
    /// Disabled fieldsets around the control, against those whose first legend holds it (which stays enabled).
    static let disabledByFieldset = fixed(
        "count(ancestor::fieldset[@disabled])"
            + " > count(ancestor::legend[not(preceding-sibling::legend)]/parent::fieldset[@disabled])"
    )
    static let baseHref = fixed("string((//base[@href])[1]/@href)")
    static let referrerMeta = fixed(
        "string((//meta[translate(@name, 'REFRI', 'refri') = 'referrer'])[last()]/@content)")

    /// The `form="id"` values of the page's controls, read once per page: only a form whose id is among them needs
    /// the whole page searched for its controls, which done for every form made reading N forms take N² time.
    static let formAttributes = fixed("//*[\(controlTest)]/@form")

    /// Reads `form`; `namedElsewhere` says some control carries `form="its id"` and may sit outside it.
    static func read(_ form: MarkupElement, namedElsewhere: Bool) throws(XPathError) -> HTMLForm {
        var result = HTMLForm(
            method: form.attribute("method"), action: form.attribute("action"), enctype: form.attribute("enctype"),
            id: form.attribute("id"), name: form.attribute("name"),
            noReferrer: (form.attribute("rel") ?? "").lowercased().split(separator: " ").contains("noreferrer"),
            noValidate: form.hasAttribute("novalidate")
        )
        var query = ".//*[\(controlTest)][not(@form)]"
        if let id = result.id, !id.isEmpty {
            let literal = XPathLiteral.quote(id)
            query = ".//*[\(controlTest)][not(@form) or @form = \(literal)]"
            if namedElsewhere { query += " | //*[\(controlTest)][@form = \(literal)]" }
        }
        for element in try form.elements(try XPathExpression(query)) {
            result.controls.append(try control(element))
        }
        return result
    }

    private static func control(_ element: MarkupElement) throws(XPathError) -> FormControl {
        let kind: FormControl.Kind
        var label = ""
        switch element.name {
        case "select":
            kind = .select(multiple: element.hasAttribute("multiple"), options: try options(of: element))
        case "textarea":
            kind = .textarea
        case "button":
            let type = (element.attribute("type") ?? "submit").lowercased()
            kind = .button(type: ["submit", "reset", "button"].contains(type) ? type : "submit")
            label = collapsedWhitespace(element.text)
        default:
            let type = (element.attribute("type") ?? "text").lowercased()
            kind = .input(type: type)
            label = type == "image" ? element.attribute("alt") ?? "" : element.attribute("value") ?? ""
        }
        var value = element.attribute("value")
        if kind == .textarea { value = textareaValue(element.text) }
        var disabled = element.hasAttribute("disabled")
        if !disabled, try element.evaluate(inDisabledFieldset).boolValue {
            disabled = try element.evaluate(disabledByFieldset).boolValue
        }
        return FormControl(
            kind: kind, name: element.attribute("name") ?? "", value: value, checked: element.hasAttribute("checked"),
            disabled: disabled, id: element.attribute("id"), label: label,
            formAction: element.attribute("formaction"), formMethod: element.attribute("formmethod"),
            formEnctype: element.attribute("formenctype"), required: element.hasAttribute("required"),
            readOnly: element.hasAttribute("readonly"), formNoValidate: element.hasAttribute("formnovalidate")
        )
    }

    private static func options(of select: MarkupElement) throws(XPathError) -> [FormOption] {
        var result: [FormOption] = []
        for option in try select.elements(options) {
            let inDisabledGroup = try option.evaluate(inDisabledOptgroup).boolValue
            result.append(
                FormOption(
                    value: option.attribute("value") ?? collapsedWhitespace(option.text),
                    selected: option.hasAttribute("selected"),
                    disabled: option.hasAttribute("disabled") || inDisabledGroup
                ))
        }
        return result
    }

    /// A textarea's initial value: its text, less the newline right after the start tag that HTML ignores.
    static func textareaValue(_ text: String) -> String {
        // "\r\n" is one Character in Swift.
        text.hasPrefix("\n") || text.hasPrefix("\r\n") ? String(text.dropFirst()) : text
    }

    /// Text with runs of ASCII whitespace made one space and the ends trimmed (an option's label).
    static func collapsedWhitespace(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" })
            .joined(separator: " ")
    }

    static func fixed(_ source: String) -> XPathExpression {
        do {
            return try XPathExpression(source)
        } catch {
            preconditionFailure("built-in XPath '\(source)' does not compile: \(error)")
        }
    }
}
