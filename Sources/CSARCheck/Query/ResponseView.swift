/// A response as the checks see it: the body parsed as JSON or markup once, on first use.
final class ResponseView {
    let response: HTTPResponse
    let cookies: [Cookie]
    private var json: Result<JSONValue, ResponseParseError>?
    private var markup: Result<MarkupDocument, ResponseParseError>?

    init(response: HTTPResponse, cookies: [Cookie]) {
        self.response = response
        self.cookies = cookies
    }

    var text: String { response.bodyText }

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
                    : try MarkupDocument.html(response.body, encoding: charset(of: contentType))
            )
        } catch {
            parsed = .failure(
                ResponseParseError(message: "the body could not be parsed as \(isXML ? "XML" : "HTML"): \(error)"))
        }
        markup = parsed
        return parsed
    }

    /// The `charset` parameter of a Content-Type, which libxml2 otherwise guesses from the page.
    private func charset(of contentType: String) -> String? {
        guard let range = contentType.range(of: "charset=") else { return nil }
        let value = contentType[range.upperBound...].prefix { $0 != ";" && $0 != " " }
        return value.isEmpty ? nil : value.trimmingEdges(of: "\"'")
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
