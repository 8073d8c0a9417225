internal import CLibXML

/// The nodes an XPath expression selected, kept alive together with their document so each can be read
/// and used as the context of further (relative) expressions.
final class MarkupNodeSet: @unchecked Sendable {
    let document: MarkupDocument
    /// The `cxml_value` owned by this instance.
    let handle: OpaquePointer

    init(document: MarkupDocument, handle: OpaquePointer) {
        self.document = document
        self.handle = handle
    }

    deinit {
        cxml_value_free(handle)
    }

    var count: Int { cxml_value_node_count(handle) }

    /// The nodes that are elements, in document order; text and attribute nodes have no name and are left out.
    var elements: [MarkupElement] {
        (0..<count).map { MarkupElement(set: self, index: $0) }.filter { !$0.name.isEmpty }
    }
}

/// One element of a parsed page (a form, an input, an option), read through the CLibXML shim.
struct MarkupElement: @unchecked Sendable {
    let set: MarkupNodeSet
    let index: Int

    /// The element's name as parsed; lowercase for HTML (`form`, `input`).
    var name: String {
        takeLibXMLString(cxml_value_node_name(set.handle, index)) ?? ""
    }

    /// The attribute's value; "" for one written without a value (`checked`), nil when it is absent.
    func attribute(_ name: String) -> String? {
        name.withCString { takeLibXMLString(cxml_value_node_attribute(set.handle, index, $0)) }
    }

    func hasAttribute(_ name: String) -> Bool { attribute(name) != nil }

    /// The element's text content (XPath string-value).
    var text: String {
        takeLibXMLString(cxml_value_node_string(set.handle, index)) ?? ""
    }

    /// The elements `expression` selects with this element as context node (e.g. `.//input`).
    func elements(_ expression: XPathExpression) throws(XPathError) -> [MarkupElement] {
        MarkupNodeSet(document: set.document, handle: try evaluateRaw(expression)).elements
    }

    /// `expression` evaluated with this element as context node.
    func evaluate(_ expression: XPathExpression) throws(XPathError) -> XPathValue {
        let value = try evaluateRaw(expression)
        defer { cxml_value_free(value) }
        return XPathValue(reading: value)
    }

    private func evaluateRaw(_ expression: XPathExpression) throws(XPathError) -> OpaquePointer {
        var error = cxml_error()
        let value = expression.withCArguments { source, packed, count in
            cxml_xpath_eval_at(set.document.handle, set.handle, index, source, packed, count, &error)
        }
        guard let value else { throw XPathError(expression: expression.source, taking: &error) }
        return value
    }
}

extension MarkupDocument {
    /// The elements `expression` selects, in document order; other nodes (text, attributes) are left out.
    func elements(_ expression: XPathExpression) throws(XPathError) -> [MarkupElement] {
        MarkupNodeSet(document: self, handle: try expression.evaluateRaw(in: self)).elements
    }
}
