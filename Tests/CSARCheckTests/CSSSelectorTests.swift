import XCTest

@testable import CSARCheck

final class CSSSelectorTests: XCTestCase {
    private static let page = """
        <html><body>
        <nav><form id="logout" class="inline nav-form" action="/logout" method="post"></form></nav>
        <main>
          <div class="card login-card"><form id="login" name="login" action="https://csar.sn/login" method="POST" data-x="a b"></form></div>
          <form class="search" action="/recherche?q=1" lang="fr-SN"></form>
          <p>text</p><form id="after-p"></form>
        </main>
        </body></html>
        """

    /// The ids (or classes) of the forms the selector finds, in document order.
    private func select(_ selector: String) throws -> [String] {
        let document = try MarkupDocument.html(Array(Self.page.utf8))
        let css = try CSSSelector(parsing: selector)
        return try document.elements(try XPathExpression(css.xpath)).map {
            $0.attribute("id") ?? $0.attribute("class") ?? $0.name
        }
    }

    func testTypeIdClassAndAttributeSelectors() throws {
        XCTAssertEqual(try select("form"), ["logout", "login", "search", "after-p"])
        XCTAssertEqual(try select("form#login"), ["login"])
        XCTAssertEqual(try select("#login"), ["login"])
        XCTAssertEqual(try select("FORM.search"), ["search"])
        XCTAssertEqual(try select(".nav-form.inline"), ["logout"])
        XCTAssertEqual(try select("form[action$=\"/login\"]"), ["login"])
        XCTAssertEqual(try select("form[action^='/'][method]"), ["logout"])
        XCTAssertEqual(try select("form[action*=recherche]"), ["search"])
        XCTAssertEqual(try select("form[method=post]"), ["logout"], "attribute values compare exactly, as in CSS")
        XCTAssertEqual(try select("form[data-x~=b]"), ["login"])
        XCTAssertEqual(try select("form[lang|=fr]"), ["search"])
        XCTAssertEqual(try select("form[name = 'login' ]"), ["login"])
        XCTAssertEqual(try select("form[action$='']"), [], "an empty suffix matches nothing, as in CSS")
    }

    func testCombinatorsAndLists() throws {
        XCTAssertEqual(try select("main form"), ["login", "search", "after-p"])
        XCTAssertEqual(try select("main > form"), ["search", "after-p"])
        XCTAssertEqual(try select(".login-card > form"), ["login"])
        XCTAssertEqual(try select("p + form"), ["after-p"])
        XCTAssertEqual(try select("div ~ form"), ["search", "after-p"])
        XCTAssertEqual(try select("#login, nav form"), ["logout", "login"], "a list gives document order")
        XCTAssertEqual(try select("* > form#login"), ["login"])
    }

    func testMistakesAreReportedWithTheirPosition() {
        for (selector, position) in [
            ("form[action", 12), ("form:first-child", 5), ("form >", 7), ("form[a=\"x]", 11), ("", 1), ("form,", 6),
        ] {
            XCTAssertThrowsError(try CSSSelector(parsing: selector), selector) { error in
                XCTAssertEqual((error as? CSSSelectorError)?.position, position, "\(selector): \(error)")
            }
        }
    }
}
