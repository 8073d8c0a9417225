/// Runs a step's assertions against its response.
struct AssertionEvaluator {
    let predicates: PredicateEvaluator

    func evaluate(_ assertion: Assertion, on view: ResponseView) -> AssertionResult {
        let outcome = check(assertion.subject, on: view)
        return AssertionResult(
            key: assertion.key, location: assertion.location, title: title(of: assertion.subject),
            failure: outcome
        )
    }

    private func check(_ subject: Assertion.Subject, on view: ResponseView) -> CheckFailure? {
        let response = view.response
        switch subject {
        case .status(let expectation):
            return expectation.accepts(response.status)
                ? nil
                : CheckFailure(expected: "status \(expectation)", actual: "status \(response.status)")
        case .header(let name, let predicate):
            return predicates.failure(of: predicate, on: response.headerValues(name).map(JSONValue.string))
        case .cookie(let name, let predicate):
            return predicates.failure(of: predicate, on: view.cookie(named: name).map { [.string($0.value)] } ?? [])
        case .body(let predicate):
            return predicates.failure(of: predicate, on: [.string(view.text)])
        case .bodySize(let predicate):
            return predicates.failure(of: predicate, on: [.number(Double(response.bodySize))])
        case .jsonPath(let path, _, let predicate):
            let query: JSONPath
            switch path.resolved(predicates.render) {
            case .success(let compiled): query = compiled
            case .failure(let error): return CheckFailure(expected: "a valid JSONPath", actual: error.message)
            }
            switch view.jsonBody() {
            case .success(let document): return predicates.failure(of: predicate, on: query.query(document))
            case .failure(let error): return CheckFailure(expected: "a JSON body", actual: error.message)
            }
        case .xPath(let path, _, let predicate):
            let expression: XPathExpression
            switch path.resolved(predicates.render) {
            case .success(let compiled): expression = compiled
            case .failure(let error): return CheckFailure(expected: "a valid XPath", actual: error.message)
            }
            switch view.markupBody() {
            case .success(let document):
                do {
                    return predicates.failure(of: predicate, on: try expression.evaluate(in: document).checkValues)
                } catch {
                    return CheckFailure(expected: "an XPath result", actual: "\(error)")
                }
            case .failure(let error): return CheckFailure(expected: "an HTML or XML body", actual: error.message)
            }
        case .maxDuration(let limit):
            return response.timings.total < limit
                ? nil
                : CheckFailure(
                    expected: "total time < \(DurationText.format(limit))",
                    actual: DurationText.format(response.timings.total))
        case .maxTimeToFirstByte(let limit):
            return response.timings.firstByte < limit
                ? nil
                : CheckFailure(
                    expected: "time to first byte < \(DurationText.format(limit))",
                    actual: DurationText.format(response.timings.firstByte))
        }
    }

    func title(of subject: Assertion.Subject) -> String {
        switch subject {
        case .status(let expectation): "status \(expectation)"
        case .header(let name, let predicate): "header \(name) \(summary(predicate))"
        case .cookie(let name, let predicate): "cookie \(name) \(summary(predicate))"
        case .body(let predicate): "body \(summary(predicate))"
        case .bodySize(let predicate): "body size \(summary(predicate))"
        case .jsonPath(let path, _, let predicate): "jsonpath \(path.text(predicates.render)) \(summary(predicate))"
        case .xPath(let path, _, let predicate): "xpath \(path.text(predicates.render)) \(summary(predicate))"
        case .maxDuration(let limit): "duration < \(DurationText.format(limit))"
        case .maxTimeToFirstByte(let limit): "time to first byte < \(DurationText.format(limit))"
        }
    }

    private func summary(_ predicate: Predicate) -> String {
        predicate.conditions.map { condition in
            switch condition {
            case .count(let inner): "count " + summary(inner)
            case .each(let inner): "each " + summary(inner)
            default: predicates.describe(condition)
            }
        }.joined(separator: ", ")
    }
}
