import XCTest

@testable import CSARCheck

final class RequestSafetyTests: XCTestCase {
    func testOnlyHTTPAndHTTPSAreSent() {
        XCTAssertNil(HTTPRequest(url: "https://csar.sn/").safetyProblem)
        XCTAssertNil(HTTPRequest(url: "HTTP://csar.sn/").safetyProblem)
        for url in ["file:///etc/passwd", "ftp://csar.sn/", "gopher://x/", "dict://x/", "/relative", "csar.sn"] {
            XCTAssertNotNil(HTTPRequest(url: url).safetyProblem, url)
        }
        XCTAssertNil(HTTPRequest.schemeProblem("/api/warehouses"), "relative URLs are joined to the base")
        XCTAssertNotNil(HTTPRequest.schemeProblem("file:///etc/passwd"))
    }

    func testLineBreaksCannotInjectHeaders() {
        let injected = HTTPRequest(url: "https://csar.sn/", headers: [HTTPHeader("X-Trace", "a\r\nX-Injected: 1")])
        XCTAssertTrue(injected.safetyProblem?.contains("line break") == true)
        XCTAssertNotNil(HTTPRequest(url: "https://csar.sn/", headers: [HTTPHeader("X Trace", "a")]).safetyProblem)
        XCTAssertNotNil(HTTPRequest(url: "https://csar.sn/", headers: [HTTPHeader("X", "a\0b")]).safetyProblem)
        XCTAssertNotNil(HTTPRequest(method: "GET /x HTTP/1.1\r\nX:", url: "https://csar.sn/").safetyProblem)
        XCTAssertNotNil(HTTPRequest(url: "https://csar.sn/\r\nX: 1").safetyProblem)
        let body = HTTPRequest(
            method: "POST", url: "https://csar.sn/", body: .bytes([], contentType: "text/plain\nX: 1"))
        XCTAssertNotNil(body.safetyProblem)
        XCTAssertNil(HTTPRequest(url: "https://csar.sn/", headers: [HTTPHeader("X-Trace", "a\tb é")]).safetyProblem)
    }

    func testARefusedRequestIsNeverSent() {
        let request = HTTPRequest(url: "https://127.0.0.1:1/", headers: [HTTPHeader("X", "a\nb")])
        XCTAssertThrowsError(try HTTPClient().send(request)) { error in
            XCTAssertEqual((error as? TransportError)?.phase, .request)
        }
    }
}
