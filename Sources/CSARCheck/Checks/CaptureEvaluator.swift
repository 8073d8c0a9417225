import Foundation

/// Takes captured values out of a response.
enum CaptureEvaluator {
    /// The captured text, or why nothing could be captured.
    static func value(of capture: Capture, from view: ResponseView) -> Result<String, CaptureFailure> {
        raw(capture.source, from: view).map { text in
            switch capture.decoding {
            case .url: text.removingPercentEncoding ?? text
            case nil: text
            }
        }
    }

    private static func raw(_ source: Capture.Source, from view: ResponseView) -> Result<String, CaptureFailure> {
        switch source {
        case .jsonPath(let query, let text):
            switch view.jsonBody() {
            case .success(let document):
                guard let first = query.query(document).first else { return .failure(.init("jsonpath \(text) selected nothing")) }
                return .success(ValueComparison.text(first))
            case .failure(let error): return .failure(.init(error.message))
            }
        case .xPath(let expression, let text):
            switch view.markupBody() {
            case .success(let document):
                do {
                    // An empty string is what string(//missing/@value) gives: nothing was found.
                    guard let first = try expression.evaluate(in: document).checkValues.first, first != .string("") else {
                        return .failure(.init("xpath \(text) selected nothing"))
                    }
                    return .success(ValueComparison.text(first))
                } catch {
                    return .failure(.init("xpath \(text): \(error)"))
                }
            case .failure(let error): return .failure(.init(error.message))
            }
        case .regex(let pattern, let group):
            guard let match = pattern.firstMatch(in: view.text, group: group) else {
                return .failure(.init("regex \(pattern) matched nothing"))
            }
            return .success(match)
        case .header(let name):
            guard let value = view.response.header(name) else { return .failure(.init("no \(name) header")) }
            return .success(value)
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

public struct CaptureFailure: Error, Sendable, Equatable {
    public var message: String

    init(_ message: String) {
        self.message = message
    }
}
