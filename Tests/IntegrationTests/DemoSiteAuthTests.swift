import DemoSite
import XCTest

final class DemoSiteAuthTests: XCTestCase {
    private let email = "admin@csar.sn"
    private let password = "csar-demo-password"

    private func credentials(token: String, password: String? = nil) -> [(String, String)] {
        [("_token", token), ("email", email), ("password", password ?? self.password)]
    }

    func testAdminRedirectsGuestsToAbsoluteLoginURL() async throws {
        try await withDemoSite { site in
            for path in ["/admin", "/admin/dashboard"] {
                let response = try await DemoBrowser(site).get(path)
                XCTAssertEqual(response.status, 302, path)
                XCTAssertEqual(response.header("Location"), "\(site.baseURL)/login", path)
            }
            let api = try await DemoBrowser(site).get("/admin", headers: [("Accept", "application/json")])
            XCTAssertEqual(api.status, 401)
            XCTAssertEqual(api.text, #"{"message":"Unauthenticated."}"#)
        }
    }

    func testLoginFormCarriesTokenAndFields() async throws {
        try await withDemoSite { site in
            let page = try await DemoBrowser(site).get("/login")
            XCTAssertEqual(page.status, 200)
            XCTAssertNotNil(DemoBrowser.csrfToken(in: page))
            XCTAssertTrue(page.text.contains(#"<input type="hidden" name="_token" value=""#))
            XCTAssertTrue(page.text.contains(#"name="email""#))
            XCTAssertTrue(page.text.contains(#"name="password""#))
        }
    }

    func testLoginWithTokenReachesDashboardThenLogout() async throws {
        try await withDemoSite { site in
            let browser = DemoBrowser(site)
            let token = try await browser.token()
            let sessionBefore = browser.cookies["csar_session"]
            let login = try await browser.post("/login", form: credentials(token: token))
            XCTAssertEqual(login.status, 302)
            XCTAssertEqual(login.header("Location"), "\(site.baseURL)/admin")
            XCTAssertNotEqual(browser.cookies["csar_session"], sessionBefore, "session id must be regenerated")

            let dashboard = try await browser.get("/admin")
            XCTAssertEqual(dashboard.status, 200)
            XCTAssertTrue(dashboard.text.contains("<h1>Tableau de bord</h1>"))
            XCTAssertTrue(dashboard.text.contains(email))
            XCTAssertTrue(dashboard.text.contains("/logout"))
            let loginAgain = try await browser.get("/login")
            XCTAssertEqual(loginAgain.header("Location"), "\(site.baseURL)/admin")

            let logoutToken = try XCTUnwrap(DemoBrowser.csrfToken(in: dashboard))
            let logout = try await browser.post("/logout", form: [("_token", logoutToken)])
            XCTAssertEqual(logout.status, 302)
            XCTAssertEqual(logout.header("Location"), "\(site.baseURL)/")
            let afterLogout = try await browser.get("/admin")
            XCTAssertEqual(afterLogout.status, 302)
        }
    }

    func testLoginReturnsToTheIntendedPage() async throws {
        try await withDemoSite { site in
            let browser = DemoBrowser(site)
            _ = try await browser.get("/admin/dashboard")
            let token = try await browser.token()
            let login = try await browser.post("/login", form: credentials(token: token))
            XCTAssertEqual(login.header("Location"), "\(site.baseURL)/admin/dashboard")
        }
    }

    func testCSRFHeadersAreAcceptedInsteadOfTheField() async throws {
        try await withDemoSite { site in
            let viaCSRFHeader = DemoBrowser(site)
            let token = try await viaCSRFHeader.token()
            let first = try await viaCSRFHeader.post(
                "/login",
                form: [("email", email), ("password", password)],
                headers: [("X-CSRF-TOKEN", token)]
            )
            XCTAssertEqual(first.header("Location"), "\(site.baseURL)/admin")

            // Like axios: the URL-decoded XSRF-TOKEN cookie goes into X-XSRF-TOKEN.
            let viaXSRFHeader = DemoBrowser(site)
            _ = try await viaXSRFHeader.get("/login")
            let cookie = try XCTUnwrap(viaXSRFHeader.cookies["XSRF-TOKEN"])
            let decoded = try XCTUnwrap(cookie.removingPercentEncoding)
            let second = try await viaXSRFHeader.post(
                "/login",
                form: [("email", email), ("password", password)],
                headers: [("X-XSRF-TOKEN", decoded)]
            )
            XCTAssertEqual(second.header("Location"), "\(site.baseURL)/admin")
        }
    }

    func testMissingOrWrongTokenIsPageExpired() async throws {
        try await withDemoSite { site in
            let browser = DemoBrowser(site)
            _ = try await browser.get("/login")
            let missing = try await browser.post("/login", form: [("email", email), ("password", password)])
            XCTAssertEqual(missing.status, 419)
            XCTAssertTrue(missing.text.contains("Page Expired"))
            let wrong = try await browser.post("/login", form: credentials(token: "nope"))
            XCTAssertEqual(wrong.status, 419)
            // The XSRF cookie is sealed, so pasting it into `_token` fails as on a real Laravel site.
            let cookie = try XCTUnwrap(browser.cookies["XSRF-TOKEN"]?.removingPercentEncoding)
            let pasted = try await browser.post("/login", form: credentials(token: cookie))
            XCTAssertEqual(pasted.status, 419)
            let acceptJSON = [("Accept", "application/json")]
            let json = try await browser.post("/login", form: [("email", email)], headers: acceptJSON)
            XCTAssertEqual(json.status, 419)
            XCTAssertEqual(
                json.text, "{\n    \"message\": \"CSRF token mismatch.\"\n}", "pretty-printed, as Laravel's handler")
            // Another visitor's token is no good either.
            let otherToken = try await DemoBrowser(site).token()
            let foreign = try await browser.post("/login", form: [("_token", otherToken), ("email", email)])
            XCTAssertEqual(foreign.status, 419)
        }
    }

    func testWrongPasswordFlashesErrorAndKeepsEmail() async throws {
        try await withDemoSite { site in
            let browser = DemoBrowser(site)
            let token = try await browser.token()
            let login = try await browser.post("/login", form: credentials(token: token, password: "wrong"))
            XCTAssertEqual(login.status, 302)
            XCTAssertEqual(login.header("Location"), "\(site.baseURL)/login")
            let page = try await browser.get("/login")
            XCTAssertTrue(page.text.contains("Ces identifiants ne correspondent pas à nos enregistrements."))
            XCTAssertTrue(page.text.contains(#"value="\#(email)""#))
            XCTAssertFalse(page.text.contains("wrong"), "the password must never be refilled")
            let again = try await browser.get("/login")
            XCTAssertFalse(again.text.contains("Ces identifiants"), "flash data lasts one request")
            let admin = try await browser.get("/admin")
            XCTAssertEqual(admin.status, 302)
        }
    }

    func testLoginValidationAsJSON() async throws {
        try await withDemoSite { site in
            let browser = DemoBrowser(site)
            let token = try await browser.token()
            let response = try await browser.post(
                "/login",
                form: [("_token", token), ("email", email), ("password", "bad")],
                headers: [("Accept", "application/json")]
            )
            XCTAssertEqual(response.status, 422)
            let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
            let errors = try XCTUnwrap(json["errors"] as? [String: [String]])
            XCTAssertEqual(errors["email"], ["Ces identifiants ne correspondent pas à nos enregistrements."])
        }
    }
}
