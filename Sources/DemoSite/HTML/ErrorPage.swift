import Hummingbird

/// Laravel's error pages (`errors::minimal`, see ``LaravelErrorView``), or `{"message": …}` for clients
/// expecting JSON.
enum ErrorPage {
    static func response(status: HTTPResponse.Status, for request: Request) -> Response {
        let title = title(for: status)
        if Respond.expectsJSON(request) {
            // Laravel's handler pretty-prints exception JSON (JSON_PRETTY_PRINT: four spaces).
            let message = JSON.string(jsonMessage(for: status, title: title)).serialized
            return Respond.jsonText("{\n    \"message\": \(message)\n}", status: status)
        }
        return Respond.html(LaravelErrorView.render(code: status.code, title: title), status: status)
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
}
