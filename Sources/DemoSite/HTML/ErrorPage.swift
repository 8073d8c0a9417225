import Hummingbird

/// Laravel's bare error views (`errors/minimal.blade.php`), or `{"message": …}` for clients expecting JSON.
enum ErrorPage {
    static func response(status: HTTPResponse.Status, for request: Request) -> Response {
        let title = title(for: status)
        if Respond.expectsJSON(request) {
            return Respond.json(.object([("message", .string(jsonMessage(for: status, title: title)))]), status: status)
        }
        return Respond.html(page(code: status.code, title: title), status: status)
    }

    /// The English titles Laravel ships, which the CSAR site never translated.
    private static func title(for status: HTTPResponse.Status) -> String {
        switch status.code {
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 413: "Content Too Large"
        case 419: "Page Expired"
        case 429: "Too Many Requests"
        case 500: "Server Error"
        case 503: "Service Unavailable"
        default: status.reasonPhrase.isEmpty ? "Error" : status.reasonPhrase
        }
    }

    private static func jsonMessage(for status: HTTPResponse.Status, title: String) -> String {
        switch status.code {
        case 401: "Unauthenticated."
        case 419: "CSRF token mismatch."
        case 429: "Too Many Attempts."
        default: title
        }
    }

    private static func page(code: Int, title: String) -> String {
        // The maintenance notice is the one addition to Laravel's page: visitors get told why, in French.
        let notice = code == 503
            ? #"<p class="notice">Le site est en maintenance. Merci de réessayer dans quelques instants.</p>"#
            : ""
        return """
            <!DOCTYPE html>
            <html lang="fr">
                <head>
                    <meta charset="utf-8">
                    <meta name="viewport" content="width=device-width, initial-scale=1">
                    <title>\(escapeHTML(title))</title>
                    <style>
                        body { font-family: system-ui, sans-serif; background: #f7fafc; color: #4a5568; }
                        .box { display: flex; justify-content: center; align-items: center; min-height: 90vh; }
                        .code { padding: 0 1rem; border-right: 1px solid #a0aec0; font-size: 1.1rem; }
                        .message { padding: 0 1rem; text-transform: uppercase; font-size: 1.1rem; }
                    </style>
                </head>
                <body>
                    <div class="box">
                        <div class="code">\(code)</div>
                        <div class="message">\(escapeHTML(title))</div>
                    </div>
                    \(notice)
                </body>
            </html>
            """
    }
}
