/// Runs a step's assertions against its response: the values their query selects (`ResponseQueryEvaluator`,
/// which captures use too), held against what they must be.
struct AssertionEvaluator {
    let predicates: PredicateEvaluator

    private var queries: ResponseQueryEvaluator { ResponseQueryEvaluator(render: predicates.render) }

    func evaluate(_ assertion: Assertion, on view: ResponseView) -> AssertionResult {
        let title = title(of: assertion)
        let failure: CheckFailure?
        switch queries.values(of: assertion.query, in: view) {
        case .failure(let problem):
            failure = CheckFailure(expected: problem.expected, actual: problem.message)
        case .success(let values):
            failure = check(values, against: assertion.expectation, title: title)
        }
        return AssertionResult(
            key: assertion.key, location: assertion.location, title: title,
            failure: failure.map { withCut($0, of: view.response, readBy: assertion.query) },
            sourceLine: assertion.sourceLine)
    }

    /// A failure on a body cut at the cap says so: what was looked for may sit past the cut.
    private func withCut(
        _ failure: CheckFailure, of response: HTTPResponse, readBy query: ResponseQuery
    ) -> CheckFailure {
        guard let cut = response.bodyCut, query.readsBody else { return failure }
        return CheckFailure(expected: failure.expected, actual: "\(failure.actual) (\(cut.description))")
    }

    private func check(
        _ values: [JSONValue], against expectation: Assertion.Expectation, title: String
    ) -> CheckFailure? {
        switch expectation {
        case .predicate(let predicate):
            return predicates.failure(of: predicate, on: values)
        case .status(let expected):
            let status = values.first.flatMap(ValueComparison.number).map { Int($0) } ?? 0
            return expected.accepts(status)
                ? nil : CheckFailure(expected: "status \(expected)", actual: "status \(status)")
        case .under(let limit):
            let seconds = values.first.flatMap(ValueComparison.number) ?? .infinity
            return seconds < limit ? nil : CheckFailure(expected: title, actual: DurationText.format(seconds))
        }
    }

    /// `status 200`, `header Location matches …`, `jsonpath $.data count > 0`, `duration < 2.000 s`.
    func title(of assertion: Assertion) -> String {
        switch assertion.expectation {
        case .status(let expected): "status \(expected)"
        case .under(let limit): "\(queries.title(of: assertion.query)) < \(DurationText.format(limit))"
        case .predicate(let predicate): "\(queries.title(of: assertion.query)) \(summary(predicate))"
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
