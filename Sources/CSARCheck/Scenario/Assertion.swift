/// One check on a step's response.
public struct Assertion: Sendable {
    public enum Subject: Sendable {
        case status(StatusExpectation)
        case header(String, Predicate)
        case cookie(String, Predicate)
        case body(Predicate)
        case bodySize(Predicate)
        case jsonPath(QueryPath<JSONPath>, source: String, Predicate)
        case xPath(QueryPath<XPathExpression>, source: String, Predicate)
        /// Seconds from start to the last byte must stay under the limit.
        case maxDuration(Double)
        /// Seconds from start to the first byte must stay under the limit.
        case maxTimeToFirstByte(Double)
    }

    public var subject: Subject
    /// The key path in the file, e.g. `steps[1].expect.jsonpath[0]`, shown with failures.
    public var key: String
    public var location: SourceLocation
}
