import CSARCheck
import XCTest

/// The scenario keys the production checks are written with, each against the demo site (plain HTTP):
/// `for_each:` (one step per item, named with it), `warn:` (reported, never a failure), `set_cookie:`,
/// `response_headers:`, `extract:`, and a `certificate:` step on a site without TLS.
final class ProductionKeysTests: XCTestCase {
    func testForEachRunsOneNamedStepPerItemAndSkipsAnEmptyList() async throws {
        try await DemoSiteFixture.with { demo in
            let result = try await demo.run(
                yaml: """
                    variables:
                      paths: "/.env, /telescope
                        /api/warehouses"
                      none: ""
                    steps:
                      - name: "Not public: {{ item }}"
                        for_each: "{{ paths }}"
                        url: "{{ item }}"
                        expect: { status: [403, 404] }
                      - for_each: "{{ paths }}"
                        method: HEAD
                        url: /
                      - name: "Nothing: {{ item }}"
                        for_each: "{{ none }}"
                        url: "{{ item }}"
                    """)
            XCTAssertEqual(
                result.steps.map(\.name),
                [
                    "Not public: /.env", "Not public: /telescope", "Not public: /api/warehouses", "HEAD / (/.env)",
                    "HEAD / (/telescope)", "HEAD / (/api/warehouses)", "Nothing: {{ item }}",
                ])
            XCTAssertEqual(
                result.steps.map(\.outcome), [.passed, .passed, .failed, .passed, .passed, .passed, .skipped])
            XCTAssertEqual(result.steps.last?.problem, "skipped: for_each: {{ none }} is empty")
        }
    }

    func testWarningsAreReportedAndFailNothing() async throws {
        try await DemoSiteFixture.with { demo in
            let result = try await demo.run(
                yaml: """
                    steps:
                      - url: /
                        expect: { status: 200 }
                        warn:
                          headers:
                            Strict-Transport-Security: { exists: true }
                            X-Frame-Options: { equals: SAMEORIGIN }
                    """)
            let step = try XCTUnwrap(result.steps.first)
            XCTAssertEqual(step.outcome, .passed)
            XCTAssertTrue(result.passed)
            // Over plain HTTP the demo site sends no HSTS (it means nothing there) but frames are limited.
            XCTAssertEqual(step.failedWarnings.map(\.title), ["header Strict-Transport-Security exists"])
            XCTAssertEqual(step.warnings.count, 2)
        }
    }

    func testCookieAttributesHeadersAsTextAndExtractedParts() async throws {
        try await DemoSiteFixture.with { demo in
            let result = try await demo.run(
                yaml: """
                    steps:
                      - name: flags as served over HTTP
                        url: /
                        expect:
                          set_cookie:
                            "*_session": { secure: false, http_only: true, same_site: { matches: "(?i)^lax$" } }
                            XSRF-TOKEN: { http_only: false }
                            no_such_cookie: { secure: { each: true } }
                          response_headers: { matches: "(?im)^x-frame-options: sameorigin$" }
                          headers:
                            Set-Cookie: { extract: "Max-Age=(\\\\d+)", each: { ge: 3600 }, count: 2 }
                      - name: a cookie that must be Secure
                        url: /
                        expect:
                          set_cookie: { "*_session": { secure: true } }
                    """)
            XCTAssertEqual(result.steps.map(\.outcome), [.passed, .failed], "\(result.steps.map(\.assertions))")
            let failure = try XCTUnwrap(result.steps[1].failedAssertions.first)
            XCTAssertEqual(failure.title, "set_cookie *_session secure == true")
            XCTAssertEqual(failure.failure?.actual, "false")
        }
    }

    /// A `certificate:` step on a site served over plain HTTP: the step fails (nothing to read), says why, and
    /// the request steps after it still run.
    func testACertificateStepOverPlainHTTPFailsAndTheRunGoesOn() async throws {
        try await DemoSiteFixture.with { demo in
            let result = try await demo.run(
                yaml: """
                    steps:
                      - certificate: /
                        expect: { tls: { verified: true } }
                      - url: /
                    """)
            XCTAssertEqual(result.steps.map(\.outcome), [.error, .passed])
            XCTAssertEqual(result.steps[0].kind, .tls)
            XCTAssertEqual(result.steps[0].name, "certificate of /")
            XCTAssertTrue(result.steps[0].transportError?.message.contains("not an https:// URL") ?? false)
        }
    }
}
