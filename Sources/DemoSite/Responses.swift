import Hummingbird

extension HTTPResponse.Status {
    /// Laravel's CSRF failure status. Symfony has no phrase for it and sends "unknown status".
    static let pageExpired = HTTPResponse.Status(code: 419, reasonPhrase: "unknown status")
}

/// Builders for the responses Laravel sends, with its headers.
enum Respond {
    static func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "text/html; charset=UTF-8", .cacheControl: "no-cache, private"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: page))
        )
    }

    static func json(_ value: JSON, status: HTTPResponse.Status = .ok) -> Response {
        jsonText(value.serialized, status: status)
    }

    /// A JSON content type around arbitrary text, which is how the broken-JSON fault gets served.
    static func jsonText(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "application/json", .cacheControl: "no-cache, private"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text))
        )
    }

    /// 302 to an absolute URL, with the tiny HTML body Symfony's `RedirectResponse` carries.
    static func redirect(to url: String) -> Response {
        let target = escapeHTML(url)
        let page = """
            <!DOCTYPE html>
            <html>
                <head>
                    <meta charset="UTF-8" />
                    <meta http-equiv="refresh" content="0;url='\(target)'" />
                    <title>Redirecting to \(target)</title>
                </head>
                <body>
                    Redirecting to <a href="\(target)">\(target)</a>.
                </body>
            </html>
            """
        var response = html(page, status: .found)
        response.headers[.location] = url
        return response
    }

    /// Laravel's `expectsJson()`: an XHR that accepts anything, or a client whose preferred type is JSON.
    static func expectsJSON(_ request: Request) -> Bool {
        let accept = request.headers[.accept] ?? ""
        let preferred = accept.split(separator: ",").first.map { String($0).lowercased() } ?? ""
        let wantsJSON = preferred.contains("/json") || preferred.contains("+json")
        let isAjax = request.headers.value(named: "x-requested-with") == "XMLHttpRequest"
        return wantsJSON || (isAjax && (accept.isEmpty || accept.contains("*/*")))
    }
}

extension HTTPFields {
    /// The first value of a header looked up by name, case-insensitively, for names without a constant.
    func value(named name: String) -> String? {
        let lowercased = name.lowercased()
        return first { $0.name.canonicalName == lowercased }?.value
    }
}
