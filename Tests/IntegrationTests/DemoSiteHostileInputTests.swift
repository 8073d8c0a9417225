import DemoSite
import XCTest

/// Hostile or broken requests must end in a 4xx answer and leave the site serving.
final class DemoSiteHostileInputTests: XCTestCase {
    private func multipart(_ body: String, boundary: String = "XYZ") -> (headers: [(String, String)], body: [UInt8]) {
        ([("Content-Type", "multipart/form-data; boundary=\(boundary)")], Array(body.utf8))
    }

    func testMalformedMultipartIsABadRequest() async throws {
        try await withDemoSite { site in
            let browser = DemoBrowser(site)
            _ = try await browser.get("/demande")
            let bodies = [
                "no boundary in here at all",
                "--XYZ",
                "--XYZ\r\nContent-Disposition: form-data; name=\"nom\"\r\n\r\nAwa",
                "--XYZ\r\nContent-Disposition: form-data; name=\"nom\"\r\nAwa\r\n--XYZ--",
                "--XYZjunk\r\n",
                String(repeating: "--XYZ\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nv\r\n", count: 300)
                    + "--XYZ--",
            ]
            for body in bodies {
                let request = multipart(body)
                let response = try await browser.send("POST", "/demande", headers: request.headers, body: request.body)
                XCTAssertEqual(response.status, 400, body.prefix(60).description)
            }
            let noBoundary = try await browser.send(
                "POST",
                "/demande",
                headers: [("Content-Type", "multipart/form-data")],
                body: Array("x".utf8)
            )
            XCTAssertEqual(noBoundary.status, 400)
            let badJSON = try await browser.send(
                "POST",
                "/demande",
                headers: [("Content-Type", "application/json")],
                body: Array("{\"nom\": ".utf8)
            )
            XCTAssertEqual(badJSON.status, 400)
            let home = try await browser.get("/")
            XCTAssertEqual(home.status, 200)
        }
    }

    func testQuotedBoundaryAndOddDispositionsAreParsed() async throws {
        try await withDemoSite { site in
            let browser = DemoBrowser(site)
            let token = try await browser.token(from: "/demande")
            let body = [
                "preamble to ignore",
                "--a=b c",
                "Content-Disposition: form-data; name=\"_token\"",
                "",
                token,
                "--a=b c",
                "content-disposition: form-data;name=\"nom\"",
                "",
                "Awa Diop",
                "--a=b c",
                "Content-Disposition: form-data; name=email",
                "",
                "awa@example.sn",
                "--a=b c",
                "Content-Disposition: form-data; name=\"region\"",
                "",
                "Dakar",
                "--a=b c",
                "Content-Disposition: form-data; name=\"message\"",
                "",
                "Message assez long pour passer.",
                "--a=b c",
                "Content-Disposition: form-data; name=\"piece_jointe\"; filename=\"rapport; v2.txt\"",
                "Content-Type: text/plain",
                "",
                "Bonjour",
                "--a=b c--",
                "",
            ].joined(separator: "\r\n")
            let response = try await browser.send(
                "POST",
                "/demande",
                headers: [("Content-Type", "multipart/form-data; boundary=\"a=b c\"")],
                body: Array(body.utf8)
            )
            XCTAssertEqual(response.status, 302, response.text)
            let location = try XCTUnwrap(response.header("Location"))
            let page = try await browser.get(String(location.dropFirst(site.baseURL.count)))
            XCTAssertTrue(page.text.contains(#"<span class="filename">rapport; v2.txt</span>"#))
        }
    }

    func testOversizedBodyIsRefusedWith413() async throws {
        try await withDemoSite(DemoSiteConfiguration(maxRequestBodyBytes: 64 * 1_024)) { site in
            let browser = DemoBrowser(site)
            let token = try await browser.token(from: "/demande")
            let big = String(repeating: "a", count: 200 * 1_024)
            let response = try await browser.post("/demande", form: [("_token", token), ("message", big)])
            XCTAssertEqual(response.status, 413)
            let home = try await browser.get("/")
            XCTAssertEqual(home.status, 200)
        }
    }

    func testBrokenEncodingsAndHeadersDoNotCrash() async throws {
        try await withDemoSite { site in
            let browser = DemoBrowser(site)
            let token = try await browser.token(from: "/demande")
            let raw = "_token=\(token)&nom=%ZZ%&email=%E9%&region=%&message=%00%00%00%00%00%00%00%00%00%00&&=&x"
            let broken = try await browser.send(
                "POST",
                "/demande",
                headers: [("Content-Type", "application/x-www-form-urlencoded")],
                body: Array(raw.utf8)
            )
            XCTAssertEqual(broken.status, 302)

            let xsrfGarbage = [
                "%%%",
                "bm90IGpzb24=",  // "not json"
                "eyJpdiI6IngiLCJ2YWx1ZSI6InkiLCJtYWMiOiJ6In0=",  // an envelope with a forged MAC
                String(repeating: "A", count: 5_000),
            ]
            for header in xsrfGarbage {
                let response = try await browser.post("/login", form: [], headers: [("X-XSRF-TOKEN", header)])
                XCTAssertEqual(response.status, 419, header)
            }

            let evilHost = try await DemoHTTPClient.request(
                port: site.port,
                method: "GET",
                target: "/admin",
                headers: [("X-Forwarded-Host", "evil.example")]
            )
            XCTAssertEqual(evilHost.header("Location"), "\(site.baseURL)/login")

            let cookieSoup = try await DemoHTTPClient.request(
                port: site.port,
                method: "GET",
                target: "/",
                headers: [("Cookie", "csar_session=;;; =x; csar_session=%FF; XSRF-TOKEN; laravel_maintenance")]
            )
            XCTAssertEqual(cookieSoup.status, 200)
            let controlCharacter = try await DemoHTTPClient.request(
                port: site.port,
                method: "GET",
                target: "/",
                headers: [("Cookie", "csar_session=\u{7f}")]
            )
            XCTAssertEqual(controlCharacter.status, 400, "the HTTP parser rejects control characters in headers")

            let longPath = try await browser.get("/" + String(repeating: "a/", count: 2_000))
            XCTAssertEqual(longPath.status, 404)
            let confirmation = try await browser.get("/demande/confirmation/%00%2F..%2F")
            XCTAssertEqual(confirmation.status, 404)
        }
    }

    func testHostHeaderInjectionIsNotReflected() async throws {
        try await withDemoSite { site in
            let bytes = Array("GET /admin HTTP/1.1\r\nHost: evil\"><script>\r\nConnection: close\r\n\r\n".utf8)
            let raw = try await DemoHTTPClient.exchange(port: site.port, bytes: bytes)
            let response = try DemoHTTPClient.parse(raw, method: "GET")
            XCTAssertEqual(response.status, 302)
            XCTAssertEqual(response.header("Location"), "\(site.baseURL)/login")
        }
    }

    func testGarbageOnTheWireLeavesTheSiteServing() async throws {
        try await withDemoSite { site in
            let garbageRequests = [
                "\u{0}\u{1}\u{2}\r\n\r\n", "GET\r\n\r\n", "POST /demande HTTP/1.1\r\nContent-Length: -4\r\n\r\n",
            ]
            for garbage in garbageRequests {
                let raw = try await DemoHTTPClient.exchange(port: site.port, bytes: Array(garbage.utf8))
                if !raw.isEmpty {
                    let response = try DemoHTTPClient.parse(raw, method: "GET")
                    let description = "\(response.status) for \(garbage.debugDescription)"
                    XCTAssertTrue((400..<500).contains(response.status), description)
                }
            }
            let home = try await DemoBrowser(site).get("/")
            XCTAssertEqual(home.status, 200)
        }
    }
}
