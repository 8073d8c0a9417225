/// A mail a `mail:` step found, as the step's response: what `capture:` and `expect:` read and reports show.
extension ReceivedMail {
    /// Its headers (`header "Subject"`), its text body (else its HTML) as the body, with a matching
    /// `Content-Type`, status 200, and the delivery latency as the time taken.
    func response(mailboxURL: String, latency: Double) -> HTTPResponse {
        let isHTML = message.text.isEmpty && message.html != nil
        let headers =
            message.headers.filter { !$0.name.caseInsensitiveEquals("Content-Type") }
            .map { HTTPHeader($0.name, $0.value) }
            + [HTTPHeader("Content-Type", isHTML ? "text/html; charset=utf-8" : "text/plain; charset=utf-8")]
        return HTTPResponse(
            status: 200, httpVersion: "", headers: headers, body: Array(message.body.utf8),
            timings: HTTPTimings(firstByte: latency, total: latency), effectiveURL: mailboxURL + "/" + id)
    }
}
