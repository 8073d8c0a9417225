/// The last response a scenario received, the page a `submit_form:` step takes its form from.
struct ReceivedPage {
    /// The URL after redirects: the form's relative action and the Referer start from it.
    let url: String
    let view: ResponseView
    /// How messages name it: `the previous response (GET /login, 200)`.
    let description: String

    init(request: HTTPRequest, response: HTTPResponse, view: ResponseView, baseURL: String) {
        url = response.effectiveURL.isEmpty ? request.url : response.effectiveURL
        self.view = view
        let trimmedBase = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        let shown = url.hasPrefix(trimmedBase + "/") ? String(url.dropFirst(trimmedBase.count)) : url
        description = "the previous response (\(request.method) \(shown), \(response.status))"
    }
}
