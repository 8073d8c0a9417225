import Dispatch
import Foundation
import XCTest

@testable import CSARCheck

final class XPathTests: XCTestCase {
    private static let loginPage = """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Log in — Demo</title></head>
        <body>
          <h1>Sign <em>in</em></h1>
          <form method="POST" action="/login">
            <input type="hidden" name="_token" value="abc">
            <input type="email" name="email" required>
            <input type="password" name="password">
            <button type="submit">Log in</button>
          </form>
        </body>
        </html>
        """

    private func html(_ text: String) throws -> MarkupDocument {
        try MarkupDocument.html(Array(text.utf8))
    }

    private func xml(_ text: String) throws -> MarkupDocument {
        try MarkupDocument.xml(Array(text.utf8))
    }

    private func evaluate(_ expression: String, in document: MarkupDocument) throws -> XPathValue {
        try XPathExpression(expression).evaluate(in: document)
    }

    private func xpathError(_ expression: String, in document: MarkupDocument? = nil) -> XPathError? {
        do {
            let compiled = try XPathExpression(expression)
            if let document {
                _ = try compiled.evaluate(in: document)
            }
            return nil
        } catch {
            return error
        }
    }

    // MARK: HTML

    func testExtractsCSRFTokenFromLoginPage() throws {
        let page = try html(Self.loginPage)

        XCTAssertEqual(try evaluate("string(//input[@name='_token']/@value)", in: page), .string("abc"))
        let attribute = try evaluate("//input[@name='_token']/@value", in: page)
        XCTAssertEqual(attribute, .nodes(["abc"]))
        XCTAssertEqual(attribute.firstString, "abc")
        XCTAssertEqual(attribute.stringValue, "abc")
        XCTAssertEqual(attribute.count, 1)
    }

    func testElementStringValueIsItsTextContent() throws {
        let page = try html(Self.loginPage)

        XCTAssertEqual(try evaluate("//h1", in: page), .nodes(["Sign in"]))
        XCTAssertEqual(try evaluate("//title", in: page).firstString, "Log in — Demo")
        XCTAssertEqual(try evaluate("//input/@name", in: page), .nodes(["_token", "email", "password"]))
    }

    func testCountAndBooleanFunctions() throws {
        let page = try html(Self.loginPage)

        let count = try evaluate("count(//input)", in: page)
        XCTAssertEqual(count, .number(3))
        XCTAssertEqual(count.stringValue, "3")
        XCTAssertNil(count.count)
        XCTAssertEqual(try evaluate("boolean(//form[@action='/login'])", in: page), .boolean(true))
        XCTAssertEqual(try evaluate("boolean(//div[@class='alert'])", in: page), .boolean(false))
        XCTAssertEqual(try evaluate("count(//input[@required]) = 1", in: page), .boolean(true))
    }

    func testMissingNodesGiveEmptyNodeSet() throws {
        let value = try evaluate("//input[@name='missing']/@value", in: try html(Self.loginPage))

        XCTAssertEqual(value, .nodes([]))
        XCTAssertEqual(value.count, 0)
        XCTAssertNil(value.firstString)
        XCTAssertEqual(value.stringValue, "")
        XCTAssertFalse(value.boolValue)
        XCTAssertTrue(value.numberValue.isNaN)
    }

    func testMalformedHTMLIsRecovered() throws {
        let page = try html("<html><body><div><p>one<p>two</span><b>bold</div></td><input name=x value=y")

        XCTAssertEqual(try evaluate("//p", in: page).count, 2)
        XCTAssertEqual(try evaluate("//b", in: page), .nodes(["bold"]))
        XCTAssertEqual(try evaluate("string(//input/@value)", in: page), .string("y"))
    }

    func testEmptyAndWhitespaceBodiesGiveEmptyDocuments() throws {
        for body in ["", "  \n"] {
            let page = try html(body)
            XCTAssertEqual(try evaluate("count(//*)", in: page), .number(0), "body \(body.debugDescription)")
        }
    }

    func testUTF8TextWithoutCharsetDeclaration() throws {
        let page = try html("<p id=greeting>Привет, мир ✓</p>")

        XCTAssertEqual(try evaluate("string(//p[@id='greeting'])", in: page), .string("Привет, мир ✓"))
    }

    func testCharsetFromMetaTagOrContentType() throws {
        let latin1: [UInt8] = Array("<meta charset=\"iso-8859-1\"><p>caf".utf8) + [0xE9] + Array("</p>".utf8)
        XCTAssertEqual(try evaluate("string(//p)", in: try MarkupDocument.html(latin1)), .string("café"))

        let cp1251: [UInt8] = Array("<p>".utf8) + [0xCF, 0xF0, 0xE8] + Array("</p>".utf8)
        let page = try MarkupDocument.html(cp1251, encoding: "windows-1251")
        XCTAssertEqual(try evaluate("string(//p)", in: page), .string("При"))
    }

    // MARK: Value conversions

    func testScalarConversionsFollowXPathRules() throws {
        let page = try html(Self.loginPage)

        XCTAssertEqual(try evaluate("1 div 4", in: page).stringValue, "0.25")
        XCTAssertEqual(try evaluate("-2 * 3", in: page).stringValue, "-6")
        XCTAssertEqual(try evaluate("1 div 0", in: page).stringValue, "Infinity")
        XCTAssertEqual(try evaluate("number('abc')", in: page).stringValue, "NaN")
        XCTAssertEqual(try evaluate("1 = 1", in: page).stringValue, "true")
        XCTAssertEqual(XPathValue.nodes([" 42 "]).numberValue, 42)
        XCTAssertEqual(XPathValue.string("1.5").numberValue, 1.5)
        XCTAssertTrue(XPathValue.string("12abc").numberValue.isNaN)
        XCTAssertEqual(XPathValue.boolean(true).numberValue, 1)
        XCTAssertFalse(XPathValue.number(.nan).boolValue)
        XCTAssertTrue(XPathValue.number(-1).boolValue)
        XCTAssertFalse(XPathValue.string("").boolValue)
        XCTAssertEqual(XPathValue.string("x").firstString, "x")
    }

    func testNumbersAreWrittenWithoutExponent() {
        let cases: [(Double, String)] = [
            (3, "3"), (-0.0, "0"), (100, "100"), (0.1 + 0.2, "0.30000000000000004"), (-1.5, "-1.5"),
            (3_000_000_000, "3000000000"), (1e20, "100000000000000000000"), (1.5e-7, "0.00000015"),
            (123_456_789_012.5, "123456789012.5"), (-.infinity, "-Infinity"), (.nan, "NaN"),
        ]
        for (number, expected) in cases {
            XCTAssertEqual(XPathValue.number(number).stringValue, expected)
        }
    }

    // MARK: Expression errors

    func testSyntaxErrorIsReportedWithPosition() throws {
        let error = try XCTUnwrap(xpathError("//input[@name="))

        XCTAssertEqual(error.reason, "Invalid expression")
        XCTAssertEqual(error.expression, "//input[@name=")
        XCTAssertNotNil(error.position)
        XCTAssertTrue(error.description.hasPrefix("Invalid expression in XPath '//input[@name='"), error.description)
    }

    func testEmptyExpressionIsRejected() {
        XCTAssertNotNil(xpathError(""))
    }

    func testUnknownFunctionVariableAndPrefixAreRejectedBeforeAnyRequest() throws {
        XCTAssertEqual(xpathError("strng(//title)")?.reason, "Unregistered function")
        XCTAssertEqual(xpathError("$token")?.reason, "Undefined variable")
        XCTAssertEqual(xpathError("//soap:Body")?.reason, "Undefined namespace prefix")
        XCTAssertEqual(xpathError("count('x')")?.reason, "Invalid type")
    }

    func testErrorsOnlyFoundWhileEvaluatingAreThrownByEvaluate() throws {
        let page = try html(Self.loginPage)

        XCTAssertNil(xpathError("//input[strng(@name)]"), "predicate never runs against the empty validation document")
        XCTAssertEqual(xpathError("//input[strng(@name)]", in: page)?.reason, "Unregistered function")
    }

    func testNULInExpressionIsRejected() {
        XCTAssertNotNil(xpathError("//a\u{0}//b"))
    }

    // MARK: XML

    func testXMLWithoutNamespaces() throws {
        let document = try xml(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <users>
              <user id="1"><name>Ann</name><age>31</age></user>
              <user id="2"><name>Bob</name><age>27</age></user>
              <note><![CDATA[a < b]]></note>
            </users>
            """)

        XCTAssertEqual(try evaluate("/users/user[@id='2']/name", in: document), .nodes(["Bob"]))
        XCTAssertEqual(try evaluate("sum(//age)", in: document), .number(58))
        XCTAssertEqual(try evaluate("string(//note)", in: document), .string("a < b"))
    }

    func testXMLNamespacesNeedBoundPrefixes() throws {
        let document = try xml(
            """
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:app="urn:example:app">
              <entry><title>First</title><app:status>ok</app:status></entry>
            </feed>
            """)
        let namespaces = ["atom": "http://www.w3.org/2005/Atom", "app": "urn:example:app"]

        XCTAssertEqual(try evaluate("//title", in: document), .nodes([]), "XPath 1.0 has no default namespace")
        let title = try XPathExpression("//atom:entry/atom:title", namespaces: namespaces)
        XCTAssertEqual(try title.evaluate(in: document), .nodes(["First"]))
        let status = try XPathExpression("string(//app:status)", namespaces: namespaces)
        XCTAssertEqual(try status.evaluate(in: document), .string("ok"))
        XCTAssertEqual(try evaluate("//*[local-name()='title']", in: document), .nodes(["First"]))
    }

    func testMalformedXMLThrowsWithLibXMLMessageAndLine() {
        XCTAssertThrowsError(try xml("<a>\n  <b>\n  </c>\n</a>")) { error in
            guard let error = error as? MarkupParseError else {
                return XCTFail("unexpected error \(error)")
            }
            XCTAssertEqual(error.format, .xml)
            XCTAssertEqual(error.line, 3)
            XCTAssertTrue(error.message.contains("Opening and ending tag mismatch"), error.message)
            XCTAssertTrue(error.description.hasPrefix("XML parse error at line 3"), error.description)
        }
    }

    func testEmptyXMLIsAnError() {
        XCTAssertThrowsError(try xml("")) { error in
            XCTAssertEqual((error as? MarkupParseError)?.message, "Document is empty")
        }
    }

    func testExternalEntitiesAreNotLoaded() throws {
        let document = try xml(
            """
            <?xml version="1.0"?>
            <!DOCTYPE data [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <data>before&xxe;after</data>
            """)

        let text = try evaluate("string(/data)", in: document).stringValue
        XCTAssertFalse(text.contains("root:"), "external entity was expanded: \(text)")
        XCTAssertEqual(text, "beforeafter")
    }

    func testExternalDTDsAndParameterEntitiesAreNotLoaded() throws {
        let sources = [
            #"<!DOCTYPE data SYSTEM "file:///etc/passwd"><data>q</data>"#,
            #"<!DOCTYPE data [<!ENTITY % ext SYSTEM "file:///etc/passwd"> %ext;]><data>q</data>"#,
        ]
        for source in sources {
            XCTAssertEqual(try evaluate("string(/)", in: try xml(source)), .string("q"), source)
        }
    }

    func testInternalEntitiesAreExpandedButEntityBombsAreRejected() throws {
        let document = try xml(#"<!DOCTYPE a [<!ENTITY e "inner">]><a>x&e;y</a>"#)
        XCTAssertEqual(try evaluate("string(/a)", in: document), .string("xinnery"))

        var entities = #"<!ENTITY lol0 "lol">"#
        for level in 1...9 {
            entities += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
        }
        XCTAssertThrowsError(try xml("<!DOCTYPE lolz [\(entities)]><lolz>&lol9;</lolz>")) { error in
            XCTAssertTrue("\(error)".contains("entity reference loop"), "\(error)")
        }
    }

    // MARK: Concurrency

    func testConcurrentParsingAndEvaluation() throws {
        let shared = try html(Self.loginPage)
        let token = try XPathExpression("string(//input[@name='_token']/@value)")
        let failures = FailureCounter()

        DispatchQueue.concurrentPerform(iterations: 4) { thread in
            for iteration in 0..<200 {
                do {
                    let own = try MarkupDocument.html(Array("<p>\(thread)-\(iteration)</p>".utf8))
                    let ownText = try XPathExpression("string(//p)").evaluate(in: own)
                    let sharedToken = try token.evaluate(in: shared)
                    let reason = (try? XPathExpression("//p[")) == nil ? "rejected" : "accepted"
                    if ownText != .string("\(thread)-\(iteration)") || sharedToken != .string("abc")
                        || reason != "rejected"
                    {
                        failures.record()
                    }
                } catch {
                    failures.record()
                }
            }
        }

        XCTAssertEqual(failures.count, 0)
    }
}

/// Counts failures from concurrently running closures, which must not call XCTest assertions off the main thread.
private final class FailureCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var failures = 0

    var count: Int {
        lock.withLock { failures }
    }

    func record() {
        lock.withLock { failures += 1 }
    }
}
