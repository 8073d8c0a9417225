import XCTest

@testable import CSARCheck

/// The charset text checks read a body in (`BodyCharset`): declared, sniffed, or UTF-8.
final class BodyCharsetTests: XCTestCase {
    private let cp1252: [UInt8] = Array("coût ".utf8.prefix(2)) + [0xFB] + Array("t 5 ".utf8) + [0x80, 0x20, 0x97]

    func testTheContentTypeCharsetWins() {
        XCTAssertEqual(BodyCharset.text(of: cp1252, contentType: "text/html; charset=ISO-8859-1"), "coût 5 € —")
        XCTAssertEqual(BodyCharset.text(of: cp1252, contentType: "text/html; charset=\"windows-1252\""), "coût 5 € —")
        XCTAssertEqual(BodyCharset.parameter(of: "text/html; Charset=UTF-8; x=1"), "utf-8")
    }

    func testValidUTF8IsReadAsUTF8WithoutADeclaration() {
        XCTAssertEqual(BodyCharset.text(of: Array("Thiès €".utf8), contentType: "text/html"), "Thiès €")
    }

    func testAMetaCharsetNamesTheEncodingOfABodyThatIsNotUTF8() {
        let page =
            Array("<html><meta http-equiv='Content-Type' content='text/html; charset=windows-1252'>".utf8) + cp1252
        XCTAssertTrue(BodyCharset.text(of: page, contentType: nil).hasSuffix("coût 5 € —"))
        let undeclared = BodyCharset.text(of: cp1252, contentType: nil)
        XCTAssertTrue(
            undeclared.contains("\u{FFFD}"), "without a declaration, invalid UTF-8 is replaced: \(undeclared)")
    }
}
