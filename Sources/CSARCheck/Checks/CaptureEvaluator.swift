import Foundation

/// Takes captured values out of a response.
enum CaptureEvaluator {
    /// The captured text, or why nothing could be captured.
    static func value(
        of capture: Capture, from view: ResponseView, render: (Template) throws(UndefinedVariable) -> String
    ) -> Result<String, CaptureFailure> {
        raw(capture.source, from: view, render: render).map { text in
            switch capture.decoding {
            case .url: text.removingPercentEncoding ?? text
            case nil: text
            }
        }
    }

    private static func raw(
        _ source: Capture.Source, from view: ResponseView, render: (Template) throws(UndefinedVariable) -> String
    ) -> Result<String, CaptureFailure> {
        switch source {
        case .jsonPath(let path, let text):
            let query: JSONPath
            switch path.resolved(render) {
            case .success(let compiled): query = compiled
            case .failure(let error): return .failure(.init("jsonpath \(error.message)"))
            }
            switch view.jsonBody() {
            case .success(let document):
                guard let first = query.query(document).first else {
                    return .failure(.init("jsonpath \(text) selected nothing"))
                }
                return .success(ValueComparison.text(first))
            case .failure(let error): return .failure(.init(error.message))
            }
        case .xPath(let path, let text):
            let expression: XPathExpression
            switch path.resolved(render) {
            case .success(let compiled): expression = compiled
            case .failure(let error): return .failure(.init("xpath \(error.message)"))
            }
            switch view.markupBody() {
            case .success(let document):
                do {
                    // An empty string is what string(//missing/@value) gives: nothing was found.
                    guard let first = try expression.evaluate(in: document).checkValues.first, first != .string("")
                    else {
                        return .failure(.init("xpath \(text) selected nothing"))
                    }
                    return .success(ValueComparison.text(first))
                } catch {
                    return .failure(.init("xpath \(text): \(error)"))
                }
            case .failure(let error): return .failure(.init(error.message))
            }
        case .regex(let templated, let group):
            let pattern: RegexPattern
            switch templated.resolved(render) {
            case .success(let compiled): pattern = compiled
            case .failure(let error): return .failure(.init("regex \(error.message)"))
            }
            guard let match = pattern.firstMatch(in: view.text, group: group) else {
                return .failure(.init("regex \(pattern) matched nothing"))
            }
            return .success(match)
        case .header(let name):
            guard let value = view.response.header(name) else { return .failure(.init("no \(name) header")) }
            return .success(value)
        case .formField(let template):
            guard let name = try? render(template) else { return .failure(.init("form_field: undefined variable")) }
            return formField(named: name, in: view)
        case .cookie(let name):
            guard let cookie = view.cookie(named: name) else { return .failure(.init("no cookie named \(name)")) }
            return .success(cookie.value)
        case .status:
            return .success(String(view.response.status))
        case .url:
            return .success(view.response.effectiveURL)
        }
    }
}

extension CaptureEvaluator {
    /// Finds `<input name="NAME" value="…">` (any input type, or a `<textarea>`) in an HTML body.
    static func formField(named name: String, in view: ResponseView) -> Result<String, CaptureFailure> {
        let literal = XPathLiteral.quote(name)
        let query = "string((//input[@name=\(literal)]/@value | //textarea[@name=\(literal)])[1])"
        let expression: XPathExpression
        do {
            expression = try XPathExpression(query)
        } catch {
            return .failure(.init("form_field \(name): \(error)"))
        }
        switch view.markupBody() {
        case .success(let document):
            guard let value = try? expression.evaluate(in: document).stringValue, !value.isEmpty else {
                return .failure(.init("no form field named '\(name)' with a value in the page"))
            }
            return .success(value)
        case .failure(let error):
            return .failure(.init(error.message))
        }
    }
}

public struct CaptureFailure: Error, Sendable, Equatable {
    public var message: String

    init(_ message: String) {
        self.message = message
    }
}
