/// One check on a step's response: the values its query selects, and what they must be.
public struct Assertion: Sendable {
    /// What the selected values must be.
    public enum Expectation: Sendable {
        /// `exists`, `equals`, `count`, `each`, `matches`… (see `Predicate`).
        case predicate(Predicate)
        /// The status, as `status:` writes it (`200`, `[2xx, 3xx]`, `{ not: 5xx }`).
        case status(StatusExpectation)
        /// A number of seconds to stay under (`max_duration`, `max_ttfb`).
        case under(Double)
    }

    public var query: ResponseQuery
    public var expectation: Expectation
    /// The key path in the file, e.g. `steps[1].expect.jsonpath[0]`, shown with failures.
    public var key: String
    public var location: SourceLocation
    /// The line of the file at `location`, shown with a caret under the spot when the check fails.
    public var sourceLine: String?
}
