internal import CLibXML

/// An XPath 1.0 expression, validated when created so that scenario files fail before any request is sent.
public struct XPathExpression: Sendable, Hashable {
    /// The expression as written in the scenario.
    public let source: String
    /// Prefix → namespace URI bindings usable in the expression (XPath 1.0 has no default namespace,
    /// so elements of a namespaced XML document need a prefix, e.g. `["atom": "http://www.w3.org/2005/Atom"]`).
    public let namespaces: [String: String]
    /// `namespaces` as the shim expects them: NUL-terminated prefix, URI, prefix, URI, ...
    private let packedNamespaces: [CChar]

    /// Compiles `source`, rejecting syntax errors as well as unknown functions, variables and namespace prefixes.
    ///
    /// Unknown functions inside predicates that never match an empty document may only be reported by
    /// ``evaluate(in:)``, since libxml2 resolves functions while evaluating.
    /// - Throws: ``XPathError`` with libxml2's reason and, for syntax errors, the position.
    public init(_ source: String, namespaces: [String: String] = [:]) throws(XPathError) {
        let strings = [source] + namespaces.flatMap { [$0.key, $0.value] }
        // The shim takes C strings, so an embedded NUL would silently cut the expression or misalign the pairs.
        guard !strings.contains(where: { $0.utf8.contains(0) }) else {
            throw XPathError(expression: source, reason: "NUL character in expression or namespace")
        }
        self.source = source
        self.namespaces = namespaces
        packedNamespaces = namespaces.flatMap { Array($0.key.utf8CString) + Array($0.value.utf8CString) }

        var error = cxml_error()
        let valid = withCArguments { expression, packed, count in
            cxml_xpath_check(expression, packed, count, &error)
        }
        guard valid else {
            throw XPathError(expression: source, taking: &error)
        }
    }

    /// Evaluates the expression with the document node as context node.
    ///
    /// - Throws: ``XPathError`` for errors libxml2 only detects while evaluating, such as wrong argument types.
    public func evaluate(in document: MarkupDocument) throws(XPathError) -> XPathValue {
        // The result's node-set points into the document, which must outlive reading it.
        defer { withExtendedLifetime(document) {} }
        let value = try evaluateRaw(in: document)
        defer { cxml_value_free(value) }
        return XPathValue(reading: value)
    }

    /// The shim's result, owned by the caller (free it, or hand it to a `MarkupNodeSet`).
    func evaluateRaw(in document: MarkupDocument) throws(XPathError) -> OpaquePointer {
        var error = cxml_error()
        let value = withCArguments { expression, packed, count in
            cxml_xpath_eval(document.handle, expression, packed, count, &error)
        }
        guard let value else {
            throw XPathError(expression: source, taking: &error)
        }
        return value
    }

    func withCArguments<Result>(
        _ body: (UnsafePointer<CChar>, UnsafePointer<CChar>?, Int) -> Result
    ) -> Result {
        source.withCString { expression in
            packedNamespaces.withUnsafeBufferPointer { body(expression, $0.baseAddress, namespaces.count) }
        }
    }
}
