import Foundation

/// The one evaluator of `ResponseQuery`: the values a query selects in a response, for captures and
/// assertions alike. A capture takes the first of them; an assertion checks them (`AssertionEvaluator`).
/// Whatever the query, selecting nothing is said one way: `header Location selected nothing`.
struct ResponseQueryEvaluator {
    /// Renders `{{ variables }}` in templated queries.
    let render: (Template) throws(UndefinedVariable) -> String

    /// The selected values, or why the query could not be asked of this response (a body that is not JSON,
    /// a templated query whose variable is missing).
    func values(of query: ResponseQuery, in view: ResponseView) -> Result<[JSONValue], QueryFailure> {
        let response = view.response
        switch query {
        case .status: return .success([.number(Double(response.status))])
        case .header(let name): return .success(response.headerValues(name).map(JSONValue.string))
        case .headerPart(let name, let pattern, let group):
            return compiled(pattern, as: "regular expression").map { regex in
                response.headerValues(name).compactMap { regex.firstMatch(in: $0, group: group) }.map(JSONValue.string)
            }
        case .responseHeaders:
            return .success([.string(response.headers.map { "\($0.name): \($0.value)" }.joined(separator: "\n"))])
        case .setCookie(let glob, let attribute):
            guard let pattern = try? render(glob) else {
                return .failure(QueryFailure(expected: "a cookie name", message: "undefined variable"))
            }
            return .success(
                SetCookieLine.all(in: response).filter { $0.name(matches: pattern) }.map { $0.value(of: attribute) })
        case .tls(let field):
            guard let certificate = view.certificate else {
                return .failure(
                    QueryFailure(
                        expected: "a certificate", message: "tls: checks read the certificate of a `certificate:` step")
                )
            }
            return .success(certificate.values(of: field))
        case .cookie(let name): return .success(view.cookie(named: name).map { [.string($0.value)] } ?? [])
        case .body: return .success([.string(view.text)])
        case .bodySize: return .success([.number(Double(response.bodySize))])
        case .url: return .success([.string(response.effectiveURL)])
        case .duration: return .success([.number(response.timings.total)])
        case .timeToFirstByte: return .success([.number(response.timings.firstByte)])
        case .jsonPath(let path):
            return compiled(path, as: "JSONPath").flatMap { query in
                view.jsonBody().map(query.query).mapError { QueryFailure(expected: "a JSON body", message: $0.message) }
            }
        case .xPath(let path):
            return compiled(path, as: "XPath").flatMap { expression in
                switch view.markupBody() {
                case .success(let document):
                    do {
                        return .success(try expression.evaluate(in: document).checkValues)
                    } catch {
                        return .failure(QueryFailure(expected: "an XPath result", message: "\(error)"))
                    }
                case .failure(let error):
                    return .failure(QueryFailure(expected: "an HTML or XML body", message: error.message))
                }
            }
        case .regex(let pattern, let group):
            return compiled(pattern, as: "regular expression").map { regex in
                regex.firstMatch(in: view.text, group: group).map { [.string($0)] } ?? []
            }
        case .formField(let template):
            guard let name = try? render(template) else {
                return .failure(QueryFailure(expected: "a form field name", message: "undefined variable"))
            }
            return formField(named: name, in: view)
        }
    }

    /// What messages call the query: `header Location`, `jsonpath $.data`, `regex /CSAR-\d+/`.
    func title(of query: ResponseQuery) -> String {
        switch query {
        case .status: "status"
        case .header(let name): "header \(name)"
        case .headerPart(let name, let pattern, _): "header \(name) /\(pattern.text(render))/"
        case .responseHeaders: "response headers"
        case .setCookie(let glob, let attribute):
            "set_cookie \((try? render(glob)) ?? glob.source) \(attribute.rawValue)"
        case .tls(let field): "tls \(field.rawValue)"
        case .cookie(let name): "cookie \(name)"
        case .body: "body"
        case .bodySize: "body size"
        case .url: "url"
        case .duration: "duration"
        case .timeToFirstByte: "time to first byte"
        case .jsonPath(let path): "jsonpath \(path.text(render))"
        case .xPath(let path): "xpath \(path.text(render))"
        case .regex(let pattern, _): "regex /\(pattern.text(render))/"
        case .formField(let template): "form field \((try? render(template)) ?? template.source)"
        }
    }

    /// A capture's value: the query's first value as text, decoded as the capture says; an empty string from
    /// XPath or a form field (`string(//missing/@value)` gives one) counts as nothing selected.
    func value(of capture: Capture, in view: ResponseView) -> Result<String, QueryFailure> {
        values(of: capture.query, in: view).flatMap { values in
            let emptyIsNothing: Bool =
                switch capture.query {
                case .xPath, .formField: true
                default: false
                }
            guard let first = values.first, !(emptyIsNothing && first == .string("")) else {
                return .failure(
                    QueryFailure(expected: "a value", message: "\(title(of: capture.query)) selected nothing"))
            }
            let text = ValueComparison.text(first)
            switch capture.decoding {
            case .url: return .success(text.removingPercentEncoding ?? text)
            case nil: return .success(text)
            }
        }
    }

    private func compiled<Compiled>(_ path: QueryPath<Compiled>, as language: String) -> Result<Compiled, QueryFailure>
    {
        path.resolved(render).mapError { QueryFailure(expected: "a valid \(language)", message: $0.message) }
    }

    /// `<input name="NAME" value="…">` (any input type) or a `<textarea>` of an HTML body.
    private func formField(named name: String, in view: ResponseView) -> Result<[JSONValue], QueryFailure> {
        let literal = XPathLiteral.quote(name)
        let query = "(//input[@name=\(literal)]/@value | //textarea[@name=\(literal)])[1]"
        let expression: XPathExpression
        do {
            expression = try XPathExpression(query)
        } catch {
            return .failure(QueryFailure(expected: "a form field name", message: "\(name): \(error)"))
        }
        switch view.markupBody() {
        case .success(let document):
            let values = (try? expression.evaluate(in: document).checkValues) ?? []
            return .success(Array(values.prefix(1)))
        case .failure(let error):
            return .failure(QueryFailure(expected: "an HTML body", message: error.message))
        }
    }
}

/// Why a query could not be asked of a response: what it needed, and what it met.
public struct QueryFailure: Error, Sendable, Equatable {
    public var expected: String
    public var message: String
}
