/// What a capture or an assertion reads of a response: one model for both (as Hurl's `Query`), evaluated by
/// one evaluator (`ResponseQueryEvaluator`). A capture is a query and "its first value"; an assertion is a query
/// and what its values must be.
public enum ResponseQuery: Sendable {
    case status
    /// Every value of the header, in order.
    case header(String)
    /// What `regex` finds in each value of the header (its first group, else the whole match): `max-age` of
    /// `Strict-Transport-Security` (`extract:` on a `headers:` check). Values it does not match are left out.
    case headerPart(String, QueryPath<RegexPattern>, group: Int)
    /// Every header of the response as `Name: value` lines, to check one of several headers at once
    /// (`X-Frame-Options`, or `frame-ancestors` in the `Content-Security-Policy`).
    case responseHeaders
    /// An attribute of the cookies this response sets (`Set-Cookie`) whose name matches a glob
    /// (`*_session`): one value per cookie.
    case setCookie(Template, SetCookieAttribute)
    /// What the TLS handshake of a `certificate:` step showed.
    case tls(TLSField)
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
        case .status, .header, .headerPart, .responseHeaders, .setCookie, .tls, .cookie, .bodySize, .url, .duration,
            .timeToFirstByte:
            false
        }
    }
}

/// What a `set_cookie:` check reads of a cookie the response sets.
public enum SetCookieAttribute: String, Sendable, CaseIterable {
    /// `true` when the cookie is `Secure` (sent over HTTPS only).
    case secure
    /// `true` when the cookie is `HttpOnly` (out of scripts' reach).
    case httpOnly = "http_only"
    /// Its `SameSite` value as written (`lax`, `Strict`…), `null` when it has none.
    case sameSite = "same_site"
}
