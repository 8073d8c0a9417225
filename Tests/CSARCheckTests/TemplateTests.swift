import XCTest

@testable import CSARCheck

final class TemplateTests: XCTestCase {
    func testParsesAndRenders() throws {
        let template = try Template(parsing: "/demande/{{ ref }}?lang={{lang}}")
        XCTAssertEqual(template.variableNames, ["ref", "lang"])
        let values = ["ref": "CSAR-1", "lang": "fr"]
        XCTAssertEqual(try template.render { values[$0] }, "/demande/CSAR-1?lang=fr")
        XCTAssertThrowsError(try template.render { _ in nil }) { error in
            XCTAssertEqual((error as? UndefinedVariable)?.name, "ref")
        }
    }

    func testRejectsBrokenPlaceholders() {
        XCTAssertThrowsError(try Template(parsing: "/x/{{ ref"))
        XCTAssertThrowsError(try Template(parsing: "/x/{{ }}"))
        XCTAssertThrowsError(try Template(parsing: "/x/{{ a b }}"))
    }

    func testDurations() {
        XCTAssertEqual(DurationText.seconds("2s"), 2)
        XCTAssertEqual(DurationText.seconds("500ms"), 0.5)
        XCTAssertEqual(DurationText.seconds("1.5"), 1.5)
        XCTAssertEqual(DurationText.seconds("2m"), 120)
        XCTAssertNil(DurationText.seconds("fast"))
    }

    func testURLJoinKeepsBasePath() {
        XCTAssertEqual(RequestBuilder.join("https://csar.sn", "/admin"), "https://csar.sn/admin")
        XCTAssertEqual(RequestBuilder.join("https://csar.sn/", "admin"), "https://csar.sn/admin")
        XCTAssertEqual(RequestBuilder.join("https://x.sn/csar", "/admin"), "https://x.sn/csar/admin")
        XCTAssertEqual(RequestBuilder.join("https://csar.sn", "http://other/"), "http://other/")
    }

    func testFormEncoding() {
        XCTAssertEqual(
            FormEncoding.encode([("email", "a+b@csar.sn"), ("msg", "été 100%")]),
            "email=a%2Bb%40csar.sn&msg=%C3%A9t%C3%A9+100%25")
    }
}
