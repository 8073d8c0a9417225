/// What a capture or an assertion reads of a response: one model for both (as Hurl's `Query`), evaluated by
/// one evaluator (`ResponseQueryEvaluator`). A capture is a query and "its first value"; an assertion is a query
/// and what its values must be.
public enum ResponseQuery: Sendable {
    case status
    /// Every value of the header, in order.
    case header(String)
    /// The cookie's value, from the scenario's cookie jar after the response (Laravel's `XSRF-TOKEN`).
    case cookie(String)
    /// The body as text.
    case body
    /// The body's size in bytes, as received.
    case bodySize
    /// The URL after redirects.
    case url
    case jsonPath(QueryPath<JSONPath>)
    case xPath(QueryPath<XPathExpression>)
    /// The first match's `group` (0 for the whole match).
    case regex(QueryPath<RegexPattern>, group: Int)
    /// The `value` of the HTML form field with this name (Laravel's hidden `_token`, Django's
    /// `csrfmiddlewaretoken`); templated so one scenario serves several frameworks.
    case formField(Template)
    /// Seconds from the start of the request to the last byte of the response.
    case duration
    /// Seconds from the start of the request to the first byte of the response.
    case timeToFirstByte
}

extension ResponseQuery {
    /// The query reads the body's content, so a body cut at the cap limits what it sees.
    var readsBody: Bool {
        switch self {
        case .body, .jsonPath, .xPath, .regex, .formField: true
        case .status, .header, .cookie, .bodySize, .url, .duration, .timeToFirstByte: false
        }
    }
}
