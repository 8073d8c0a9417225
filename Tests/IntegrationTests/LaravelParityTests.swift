import DemoSite
import Foundation
import XCTest

/// The same requests, byte for byte, against the real Laravel stack and against DemoSite: wherever a gate can
/// tell the two apart, DemoSite must answer as Laravel does (it is the imitation, Laravel the reference).
final class LaravelParityTests: XCTestCase {
    private struct Site {
        let name: String
        let port: Int
        let baseURL: String
        /// Switches a fault on the site while it runs: `scripts/laravel-stack.sh fault SPEC` or DemoFaults'.
        let fault: (String) throws -> Void

        func visitor() -> DemoBrowser { DemoBrowser(port: port) }
    }

    /// Runs `probe` on the Laravel stack, then on a fresh DemoSite.
    private func onBothSites(_ probe: (Site) async throws -> Void) async throws {
        let stack = try LaravelStack.healthy()
        let port = try XCTUnwrap(URLComponents(string: stack.baseURL)?.port)
        try await probe(Site(name: "Laravel", port: port, baseURL: stack.baseURL) { try stack.fault($0) })
        try await DemoSiteFixture.with { demo in
            let site = Site(name: "DemoSite", port: demo.site.port, baseURL: demo.baseURL) {
                try demo.site.faults.apply(spec: $0)
            }
            try await probe(site)
        }
    }

    private static func token(in page: DemoHTTPResponse) throws -> String {
        let match = try XCTUnwrap(page.text.firstMatch(of: /name="_token" value="([^"]+)"/), "no _token field")
        return String(match.1)
    }

    private static let invalidDemande = [
        ("nom", ""), ("email", "pas-une-adresse"), ("region", "Atlantide"), ("message", "court"),
    ]

    /// `back()` after a failed validation: the Referer when there is one.
    func testFailedValidationGoesBackToTheReferer() async throws {
        try await onBothSites { site in
            let visitor = site.visitor()
            let token = try Self.token(in: try await visitor.get("/demande"))
            let response = try await visitor.post(
                "/demande", form: [("_token", token)] + Self.invalidDemande,
                headers: [("Referer", site.baseURL + "/demande")]
            )
            XCTAssertEqual(response.status, 302, site.name)
            XCTAssertEqual(response.header("Location"), site.baseURL + "/demande", site.name)
        }
    }

    /// Without a Referer, `back()` is the last page the session loaded: after a confirmation page, the form
    /// POST lands there, not on the form (what made `demande-form.yaml` fail on real Laravel).
    func testFailedValidationWithoutRefererGoesToThePreviousPage() async throws {
        try await onBothSites { site in
            let visitor = site.visitor()
            let token = try Self.token(in: try await visitor.get("/demande"))
            let valid = try await visitor.post(
                "/demande",
                form: [
                    ("_token", token), ("nom", "Awa Diop"), ("email", "awa@csar.sn"), ("region", "Thiès"),
                    ("message", "Demande de test de parité entre les deux sites."),
                ])
            let confirmation = try XCTUnwrap(valid.header("Location"), site.name)
            let confirmationPage = try await visitor.get(String(confirmation.dropFirst(site.baseURL.count)))
            XCTAssertEqual(confirmationPage.status, 200, site.name)
            let invalid = try await visitor.post("/demande", form: [("_token", token)] + Self.invalidDemande)
            XCTAssertEqual(invalid.status, 302, site.name)
            XCTAssertEqual(invalid.header("Location"), confirmation, site.name)
        }
    }

    /// A wrong password without a Referer, after the home page: back to the home page, `http://host:port`.
    func testFailedLoginWithoutRefererGoesHome() async throws {
        try await onBothSites { site in
            let visitor = site.visitor()
            let token = try Self.token(in: try await visitor.get("/login"))
            let home = try await visitor.get("/")
            XCTAssertEqual(home.status, 200, site.name)
            let response = try await visitor.post(
                "/login",
                form: [
                    ("_token", token), ("email", "nobody@csar.sn"), ("password", "not-the-password"),
                ])
            XCTAssertEqual(response.status, 302, site.name)
            XCTAssertEqual(response.header("Location"), site.baseURL, site.name)
        }
    }

    /// `throttle:api`: 60 requests a minute per client, counted in headers, then 429 with `Retry-After`.
    func testWarehouseAPIIsThrottledAsLaravelDoes() async throws {
        try await onBothSites { site in
            let visitor = site.visitor()
            let first = try await visitor.get("/api/warehouses", headers: [("Accept", "application/json")])
            XCTAssertEqual(first.status, 200, site.name)
            XCTAssertEqual(first.header("X-RateLimit-Limit"), "60", site.name)
            XCTAssertEqual(first.header("X-RateLimit-Remaining"), "59", site.name)
            XCTAssertNil(first.header("Retry-After"), site.name)
            XCTAssertNil(first.header("Set-Cookie"), "\(site.name): the api routes are stateless")
            for _ in 2...60 {
                _ = try await visitor.get("/api/warehouses")
            }
            let refused = try await visitor.get("/api/warehouses", headers: [("Accept", "application/json")])
            XCTAssertEqual(refused.status, 429, site.name)
            XCTAssertEqual(refused.header("X-RateLimit-Limit"), "60", site.name)
            XCTAssertEqual(refused.header("X-RateLimit-Remaining"), "0", site.name)
            let retryAfter = try XCTUnwrap(refused.header("Retry-After").flatMap(Int.init), site.name)
            XCTAssertTrue((1...60).contains(retryAfter), "\(site.name): Retry-After \(retryAfter)")
            let reset = try XCTUnwrap(refused.header("X-RateLimit-Reset").flatMap(Int.init), site.name)
            XCTAssertEqual(Double(reset), Date().timeIntervalSince1970 + Double(retryAfter), accuracy: 5, site.name)
            let message = try JSONSerialization.jsonObject(with: Data(refused.body)) as? [String: Any]
            XCTAssertEqual(message?["message"] as? String, "Too Many Attempts.", site.name)
            let page = try await visitor.get("/api/warehouses")
            XCTAssertEqual(page.status, 429, site.name)
            XCTAssertTrue(page.text.contains("Too Many Requests"), site.name)
        }
    }

    /// A changed `api` limit (`throttle:api=N`, the fault that proves the nightly API load red on a stricter site)
    /// applies from the next request on, to the window already open: Laravel reads `RateLimiter::for('api', …)`
    /// on every request and counts the window's hits against the limit of the moment. Refused requests are not
    /// counted.
    func testAChangedAPILimitAppliesToTheOpenWindow() async throws {
        try await onBothSites { site in
            let visitor = site.visitor()
            func limits() async throws -> [String] {
                let response = try await visitor.get("/api/warehouses", headers: [("Accept", "application/json")])
                return [
                    String(response.status), response.header("X-RateLimit-Limit") ?? "-",
                    response.header("X-RateLimit-Remaining") ?? "-",
                ]
            }
            var seen = [try await limits()]
            try site.fault("throttle:api=3")
            for _ in 1...3 { seen.append(try await limits()) }
            try site.fault("throttle:api=default")
            seen.append(try await limits())
            let expected = [
                ["200", "60", "59"], ["200", "3", "1"], ["200", "3", "0"], ["429", "3", "0"], ["200", "60", "56"],
            ]
            XCTAssertEqual(seen, expected, site.name)
        }
    }

    /// `VerifyCsrfToken`: a form POST without the token is 419 "Page Expired".
    func testPostWithoutTokenIsPageExpired() async throws {
        try await onBothSites { site in
            let visitor = site.visitor()
            _ = try await visitor.get("/demande")
            let response = try await visitor.post("/demande", form: [("nom", "Sans jeton")])
            XCTAssertEqual(response.status, 419, site.name)
            XCTAssertTrue(response.text.contains("Page Expired"), site.name)
        }
    }

    /// `php artisan down --secret=S`: 503 without Retry-After and the very same page, byte for byte, on both
    /// sites; `GET /S` sets the bypass cookie and redirects home.
    func testMaintenanceModeAnswersAsArtisanDown() async throws {
        let stack = try LaravelStack.healthy()
        try stack.down()
        defer { try? stack.reset() }
        let port = try XCTUnwrap(URLComponents(string: stack.baseURL)?.port)
        let laravel = try await Self.maintenanceAnswers(port: port, baseURL: stack.baseURL, secret: stack.bypassSecret)
        try stack.reset()
        try await DemoSiteFixture.with(faults: ["maintenance:\(stack.bypassSecret)"]) { demo in
            let imitation = try await Self.maintenanceAnswers(
                port: demo.site.port, baseURL: demo.baseURL, secret: stack.bypassSecret
            )
            XCTAssertEqual(imitation.page, laravel.page, "DemoSite's 503 page differs from Laravel's")
            XCTAssertEqual(imitation.json, laravel.json)
            XCTAssertEqual(imitation.facts, laravel.facts)
        }
    }

    private struct MaintenanceAnswers {
        var page: String
        var json: String
        var facts: [String]
    }

    private static func maintenanceAnswers(
        port: Int, baseURL: String, secret: String
    ) async throws -> MaintenanceAnswers {
        let visitor = DemoBrowser(port: port)
        let page = try await visitor.get("/")
        let json = try await visitor.get("/api/warehouses", headers: [("Accept", "application/json")])
        let bypass = try await visitor.get("/" + secret)
        let home = try await visitor.get("/")
        let facts = [
            "503: \(page.status)", "Retry-After: \(page.header("Retry-After") ?? "none")",
            "Content-Type: \(page.header("Content-Type") ?? "none")",
            "Cache-Control: \(page.header("Cache-Control") ?? "none")",
            "session cookie on 503: \(page.setCookie("csar_session") != nil)",
            "bypass: \(bypass.status) to \(bypass.header("Location") == baseURL ? "home" : bypass.header("Location") ?? "-")",
            "bypass cookie httponly: \(bypass.setCookie("laravel_maintenance")?.lowercased().contains("httponly") == true)",
            "home with the cookie: \(home.status)",
        ]
        return MaintenanceAnswers(page: page.text, json: json.text, facts: facts)
    }
}
