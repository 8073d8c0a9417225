import XCTest

@testable import CSARCheck

/// Everything in a report may come from a hostile response or scenario: none of it may become markup,
/// a script, a link or a resource the page loads.
final class HTMLReportSecurityTests: XCTestCase {
    static let allowedTags: Set = [
        "html", "head", "meta", "title", "style", "body", "main", "header", "nav", "section", "h1", "h2", "h3", "h4",
        "p", "small", "span", "code", "pre", "ul", "ol", "li", "a", "dl", "dt", "dd", "div", "i", "table", "caption",
        "thead", "tbody", "tr", "th", "td", "details", "summary", "figure", "figcaption",
        "svg", "desc", "g", "line", "rect", "path", "circle", "text",
    ]
    static let allowedAttributes: Set = [
        "lang", "charset", "http-equiv", "content", "name", "class", "id", "role", "aria-label", "aria-labelledby",
        "aria-hidden", "href", "open", "scope", "viewBox", "width", "height", "x", "y", "x1", "y1", "x2", "y2", "cx",
        "cy",
        "r", "d", "text-anchor", "transform",
    ]

    func testHostileStringsEverywhereStayText() throws {
        let html = HTMLReport.render(try HTMLReportHostileFixture.report())
        let markup = HTMLReportMarkup(html)
        XCTAssertEqual(markup.problems, [])
        for tag in markup.tags {
            XCTAssertTrue(Self.allowedTags.contains(tag.name), "unexpected <\(tag.name)>")
            for attribute in tag.attributes {
                XCTAssertTrue(
                    Self.allowedAttributes.contains(attribute.name), "unexpected \(attribute.name)= on <\(tag.name)>")
            }
        }
        for lowered in [html.lowercased()] {
            for forbidden in [
                "<script", "<img", "<iframe", "<link", "<svg onload", "<a href=\"http", "<textarea", "</textarea",
            ] {
                XCTAssertFalse(lowered.contains(forbidden), forbidden)
            }
        }
        XCTAssertEqual(markup.tags.filter { $0.name == "style" }.count, 2, "one <style>, one </style>")
        let head = try XCTUnwrap(html.components(separatedBy: "</head>").first)
        XCTAssertEqual(head.components(separatedBy: "<title>").count - 1, 1)
        XCTAssertEqual(head.components(separatedBy: "</title>").count - 1, 1)
        XCTAssertFalse(markup.style.contains("<"), "no value inside the stylesheet")
        let escaped = XMLText.escape(HTMLReportHostileFixture.text)
        XCTAssertGreaterThan(
            html.components(separatedBy: escaped).count, 30, "the hostile text is shown, escaped, where it was")
    }

    func testNoAttributeCarriesAURLAndLinksStayInThePage() throws {
        for report in [
            try HTMLReportHostileFixture.report(), try HTMLReportFixtures.failing(), try HTMLReportFixtures.load(),
        ] {
            let markup = HTMLReportMarkup(HTMLReport.render(report))
            for tag in markup.tags {
                for attribute in tag.attributes where !(tag.name == "meta" && attribute.name == "content") {
                    let value = attribute.value.lowercased()
                    for scheme in ["http:", "https:", "javascript:", "data:", "//"] {
                        XCTAssertFalse(
                            value.contains(scheme), "\(attribute.name)=\"\(attribute.value)\" on <\(tag.name)>")
                    }
                }
                if let href = tag.value("href") { XCTAssertTrue(href.hasPrefix("#"), href) }
                XCTAssertNil(tag.value("src"))
                XCTAssertNil(tag.value("style"))
            }
        }
    }

    func testReportValuesNeverBecomeClassNamesOrIds() throws {
        let markup = HTMLReportMarkup(HTMLReport.render(try HTMLReportHostileFixture.report()))
        for tag in markup.tags {
            for name in ["class", "id", "aria-labelledby"] {
                guard let value = tag.value(name) else { continue }
                XCTAssertTrue(
                    value.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == " " }, "\(name)=\"\(value)\"")
            }
        }
    }

    func testControlCharactersAreReplaced() {
        XCTAssertEqual(HTMLText.escape("a\u{0}b\u{1B}[31mc\n"), "a\u{FFFD}b\u{FFFD}[31mc\n")
    }
}
