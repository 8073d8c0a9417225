import DemoSite
import XCTest

final class DemoSiteMaintenanceTests: XCTestCase {
    func testMaintenanceWithoutSecretAnswers503Everywhere() async throws {
        try await withDemoSite { site in
            site.faults.maintenance = .on(secret: nil)
            let browser = DemoBrowser(site)
            for path in ["/", "/login", "/api/warehouses", "/nope"] {
                let response = try await browser.get(path)
                XCTAssertEqual(response.status, 503, path)
                XCTAssertNil(response.header("Retry-After"), "artisan down without --retry sends none: \(path)")
            }
            let page = try await browser.get("/")
            XCTAssertTrue(page.text.contains("<title>Service Unavailable</title>"))
            XCTAssertFalse(page.text.contains("maintenance"), "Laravel's page does not say why")
            XCTAssertNil(page.setCookie("csar_session"), "maintenance answers before any session starts")
            let head = try await browser.head("/")
            XCTAssertEqual(head.status, 503)
            XCTAssertTrue(head.body.isEmpty)
            let post = try await browser.post("/login", form: [])
            XCTAssertEqual(post.status, 503)
            let json = try await browser.get("/api/warehouses", headers: [("Accept", "application/json")])
            XCTAssertEqual(json.text, "{\n    \"message\": \"Service Unavailable\"\n}")
        }
    }

    func testSecretHandsOutABypassCookie() async throws {
        try await withDemoSite { site in
            try site.faults.apply(spec: "maintenance:s3cret-Key")
            let visitor = DemoBrowser(site)
            let bypass = try await visitor.get("/s3cret-Key")
            XCTAssertEqual(bypass.status, 302)
            XCTAssertEqual(bypass.header("Location"), site.baseURL, "redirect('/') has no trailing slash")
            let cookie = try XCTUnwrap(bypass.cookieValue("laravel_maintenance"))
            XCTAssertFalse(cookie.contains("s3cret"), "the cookie must not carry the secret itself")
            XCTAssertTrue(try XCTUnwrap(bypass.setCookie("laravel_maintenance")).lowercased().contains("httponly"))

            let home = try await visitor.get("/")
            XCTAssertEqual(home.status, 200)
            let stranger = try await DemoBrowser(site).get("/")
            XCTAssertEqual(stranger.status, 503)

            let forged = DemoBrowser(site)
            let forgedResponse = try await forged.get("/", headers: [("Cookie", "laravel_maintenance=\(cookie)x")])
            XCTAssertEqual(forgedResponse.status, 503)
            let garbage = try await forged.get("/", headers: [("Cookie", "laravel_maintenance=%%%;;=")])
            XCTAssertEqual(garbage.status, 503)

            // A new secret invalidates cookies issued for the old one.
            try site.faults.apply(spec: "maintenance:another")
            let stale = try await visitor.get("/")
            XCTAssertEqual(stale.status, 503)

            try site.faults.apply(spec: "maintenance:off")
            let open = try await DemoBrowser(site).get("/")
            XCTAssertEqual(open.status, 200)
        }
    }

    func testConfigurationCanStartTheSiteInMaintenance() async throws {
        try await withDemoSite(DemoSiteConfiguration(maintenanceSecret: "ouvrir")) { site in
            XCTAssertEqual(site.faults.maintenance, .on(secret: "ouvrir"))
            let browser = DemoBrowser(site)
            let down = try await browser.get("/")
            XCTAssertEqual(down.status, 503)
            _ = try await browser.get("/ouvrir")
            let up = try await browser.get("/")
            XCTAssertEqual(up.status, 200)
        }
    }
}
