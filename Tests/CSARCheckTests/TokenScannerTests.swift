import XCTest

@testable import CSARCheck

final class TokenScannerTests: XCTestCase {
    private func view(
        _ body: String, contentType: String = "text/html", headers: [HTTPHeader] = [], cookies: [Cookie] = []
    ) -> ResponseView {
        ResponseView(
            response: HTTPResponse(
                status: 200, headers: [HTTPHeader("Content-Type", contentType)] + headers, body: Array(body.utf8)),
            cookies: cookies
        )
    }

    func testFindsTheTokensOfEachFrameworkButNotFieldNames() {
        let page = """
            <html><head>
            <meta name="csrf-token" content="laravel-token-0123456789">
            <meta name="csrf-param" content="authenticity_token">
            <meta name="_csrf_header" content="X-CSRF-TOKEN"><meta name="_csrf" content="spring-token-0123456789">
            <meta name="description" content="Commissariat à la Sécurité Alimentaire">
            </head><body><form>
            <input type="hidden" name="_token" value="laravel-token-0123456789">
            <input type="hidden" name="csrfmiddlewaretoken" value="django-token-0123456789">
            <input type="hidden" name="authenticity_token" value="rails+token/0123456789==">
            <input name="__RequestVerificationToken" type="hidden" value="aspnet-token-0123456789">
            <input type="hidden" name="_csrf_token" value="symfony-token-0123456789">
            <input type="password" name="pw" value="prefilled-password">
            <input type="hidden" name="next" value="/admin/dashboard">
            <input type="hidden" name="_token_short" value="short">
            </form></body></html>
            """
        XCTAssertEqual(
            Set(TokenScanner.secrets(in: view(page))),
            [
                "laravel-token-0123456789", "spring-token-0123456789", "django-token-0123456789",
                "rails+token/0123456789==",
                "aspnet-token-0123456789", "symfony-token-0123456789", "prefilled-password",
            ])
    }

    func testFindsJSONMembersAndSessionCookies() {
        let json = #"{"data":[{"id":1}],"meta":{"csrf_token":"json-token-0123456789","name":"CSAR Dakar"}}"#
        XCTAssertEqual(TokenScanner.secrets(in: view(json, contentType: "application/json")), ["json-token-0123456789"])
        let headers = [
            HTTPHeader("Set-Cookie", "XSRF-TOKEN=eyJpdiI6IkFCQyJ9%3D; expires=Tue; path=/"),
            HTTPHeader("Set-Cookie", "lang=fr; path=/"),
            HTTPHeader("Set-Cookie", "laravel_session=deleted; expires=Thu, 01 Jan 1970"),
            HTTPHeader("Set-Cookie", "tracking=0123456789abcdef0123; path=/"),
        ]
        let cookies = [
            Cookie(domain: "csar.sn", name: "sessionid", value: "django-session-0123"),
            Cookie(domain: "csar.sn", name: "theme", value: "dark"),
        ]
        XCTAssertEqual(
            Set(TokenScanner.secrets(in: view("", headers: headers, cookies: cookies))),
            ["eyJpdiI6IkFCQyJ9%3D", "0123456789abcdef0123", "django-session-0123"])
    }
}
