import DemoSite
import XCTest

final class DemoSitePublicPagesTests: XCTestCase {
    func testHomePageIsServedWithLaravelCookies() async throws {
        try await withDemoSite { site in
            let response = try await DemoBrowser(site).get("/")
            XCTAssertEqual(response.status, 200)
            XCTAssertEqual(response.header("Content-Type"), "text/html; charset=UTF-8")
            XCTAssertTrue(response.text.contains("<title>"))
            XCTAssertTrue(response.text.contains("CSAR"))
            for link in ["href=\"/demande\"", "href=\"/carte\"", "href=\"/login\""] {
                XCTAssertTrue(response.text.contains(link), link)
            }
            let session = try XCTUnwrap(response.setCookie("csar_session")).lowercased()
            XCTAssertTrue(session.contains("httponly"))
            XCTAssertTrue(session.contains("samesite=lax"))
            XCTAssertTrue(session.contains("path=/"))
            let xsrf = try XCTUnwrap(response.setCookie("XSRF-TOKEN")).lowercased()
            XCTAssertFalse(xsrf.contains("httponly"))
            XCTAssertTrue(xsrf.contains("samesite=lax"))
        }
    }

    func testSessionCookieIsKeptAcrossRequests() async throws {
        try await withDemoSite { site in
            let browser = DemoBrowser(site)
            let first = try await browser.get("/")
            let second = try await browser.get("/demande")
            XCTAssertEqual(first.cookieValue("csar_session"), second.cookieValue("csar_session"))
            let loginToken = try await browser.token(from: "/login")
            XCTAssertEqual(DemoBrowser.csrfToken(in: second), loginToken)
        }
    }

    func testHeadReturnsHeadersWithoutBody() async throws {
        try await withDemoSite { site in
            let expectations = [("/", 200), ("/api/warehouses", 200), ("/carte", 200), ("/nope", 404), ("/admin", 302)]
            for (path, status) in expectations {
                let get = try await DemoHTTPClient.request(port: site.port, method: "GET", target: path)
                let head = try await DemoHTTPClient.request(port: site.port, method: "HEAD", target: path)
                XCTAssertEqual(head.status, status, path)
                XCTAssertTrue(head.body.isEmpty, "HEAD \(path) sent \(head.body.count) body bytes")
                XCTAssertEqual(head.header("Content-Type"), get.header("Content-Type"), path)
                XCTAssertEqual(head.header("Content-Length"), String(get.body.count), path)
            }
        }
    }

    func testUnknownRouteIsA404Page() async throws {
        try await withDemoSite { site in
            let response = try await DemoBrowser(site).get("/this/does/not/exist")
            XCTAssertEqual(response.status, 404)
            XCTAssertTrue(response.text.contains("Not Found"))
            XCTAssertNotNil(response.setCookie("csar_session"))
            let json = try await DemoBrowser(site).get("/api/nope", headers: [("Accept", "application/json")])
            XCTAssertEqual(json.status, 404)
            XCTAssertEqual(json.header("Content-Type"), "application/json")
            // Route middleware (CSRF) only runs once a route matched, as in Laravel.
            let post = try await DemoBrowser(site).post("/nowhere", form: [("a", "b")])
            XCTAssertEqual(post.status, 404)
        }
    }

    func testCartePageReferencesTheWarehouseAPI() async throws {
        try await withDemoSite { site in
            let browser = DemoBrowser(site)
            let page = try await browser.get("/carte")
            XCTAssertEqual(page.status, 200)
            XCTAssertTrue(page.text.contains(#"<div id="map" data-source="/api/warehouses""#))
            XCTAssertTrue(page.text.contains(#"<script src="/js/carte.js""#))
            let script = try await browser.get("/js/carte.js")
            XCTAssertEqual(script.status, 200)
            XCTAssertTrue(script.text.contains("map.dataset.source"))
        }
    }
}
