/// Takes a value from a response into a variable for later steps.
public struct Capture: Sendable {
    public enum Source: Sendable {
        case jsonPath(QueryPath<JSONPath>, source: String)
        case xPath(QueryPath<XPathExpression>, source: String)
        /// The first match's `group` (0 for the whole match).
        case regex(QueryPath<RegexPattern>, group: Int)
        case header(String)
        /// The `value` of the HTML form field with this name, e.g. Laravel's hidden `_token` or Django's
        /// `csrfmiddlewaretoken`; templated so one scenario serves several frameworks.
        case formField(Template)
        /// From the scenario's cookie jar after the response, e.g. Laravel's `XSRF-TOKEN`.
        case cookie(String)
        case status
        case url
    }

    public enum Decoding: String, Sendable {
        /// Percent-decoding, for cookies such as `XSRF-TOKEN` that Laravel sends URL-encoded.
        case url
    }

    public var variable: String
    public var source: Source
    public var decoding: Decoding?
    public var secret: Bool
    public var location: SourceLocation
}
