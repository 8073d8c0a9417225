/// A response as the checks see it: the body parsed as JSON or markup once, on first use.
final class ResponseView {
    let response: HTTPResponse
    let cookies: [Cookie]
    /// The server certificate a `certificate:` step read, for its `tls:` checks.
    let certificate: ServerCertificate?
    private var json: Result<JSONValue, ResponseParseError>?
    private var markup: Result<MarkupDocument, ResponseParseError>?

    init(response: HTTPResponse, cookies: [Cookie], certificate: ServerCertificate? = nil) {
        self.response = response
        self.cookies = cookies
        self.certificate = certificate
    }

    /// The body as text, decoded by its charset once.
    private(set) lazy var text: String = response.bodyText

    func jsonBody() -> Result<JSONValue, ResponseParseError> {
        if let json { return json }
        let parsed: Result<JSONValue, ResponseParseError>
        do {
            parsed = .success(try JSONValue.parse(response.body))
        } catch {
            parsed = .failure(ResponseParseError(message: "the body is not valid JSON: \(error)"))
        }
        json = parsed
        return parsed
    }

    /// HTML unless the content type says XML.
    func markupBody() -> Result<MarkupDocument, ResponseParseError> {
        if let markup { return markup }
        let contentType = response.header("Content-Type")?.lowercased() ?? ""
        let isXML = contentType.contains("xml") && !contentType.contains("html")
        let parsed: Result<MarkupDocument, ResponseParseError>
        do {
            parsed = .success(
                isXML
                    ? try MarkupDocument.xml(response.body)
                    : try MarkupDocument.html(response.body, encoding: BodyCharset.parameter(of: contentType))
            )
        } catch {
            parsed = .failure(
                ResponseParseError(message: "the body could not be parsed as \(isXML ? "XML" : "HTML"): \(error)"))
        }
        markup = parsed
        return parsed
    }

    func cookie(named name: String) -> Cookie? {
        cookies.last { $0.name == name }
    }
}

struct ResponseParseError: Error {
    var message: String
}

extension XPathValue {
    /// The XPath result as values for predicates: node string values, or the one scalar.
    var checkValues: [JSONValue] {
        switch self {
        case .nodes(let strings): strings.map(JSONValue.string)
        case .boolean(let value): [.bool(value)]
        case .number(let value): [.number(value)]
        case .string(let value): [.string(value)]
        }
    }
}
