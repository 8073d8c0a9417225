import Foundation
import XCTest

@testable import CSARCheck

final class JSONParserTests: XCTestCase {
    func testParsesLiterals() throws {
        XCTAssertEqual(try JSONValue.parse("null"), .null)
        XCTAssertEqual(try JSONValue.parse("true"), .bool(true))
        XCTAssertEqual(try JSONValue.parse(" \t\r\nfalse\n"), .bool(false))
        XCTAssertEqual(try JSONValue.parse(#""hi""#), .string("hi"))
    }

    func testParsesNumbers() throws {
        let cases: [(text: String, value: Double)] = [
            ("0", 0), ("14", 14), ("-123", -123), ("14.7", 14.7), ("1e3", 1000), ("1E+3", 1000),
            ("2.5e-3", 0.0025), ("123456789012345678", 123_456_789_012_345_680), ("-0.0", 0),
        ]
        for (text, value) in cases {
            XCTAssertEqual(try JSONValue.parse(text), .number(value), text)
        }
        XCTAssertEqual(try JSONValue.parse("-0").doubleValue?.sign, .minus)
    }

    func testParsesNestedContainersInOrder() throws {
        let value = try JSONValue.parse(#"{"b": [1, {"x": null}], "a": {}, "c": [ ]}"#)
        XCTAssertEqual(value, ["b": [1, ["x": .null]], "a": [:], "c": []])
        XCTAssertEqual(value.objectValue?.keys, ["b", "a", "c"])
    }

    func testDecodesStringEscapes() throws {
        let value = try JSONValue.parse(#""\" \\ \/ \b \f \n \r \t \u0041 \u00e9 \u20AC \uD83D\uDE00 \u0000""#)
        XCTAssertEqual(value, .string("\" \\ / \u{08} \u{0C} \n \r \t A é € 😀 \u{0}"))
    }

    func testKeepsRawUTF8() throws {
        XCTAssertEqual(try JSONValue.parse("\"Grüße, 日本, 😀\""), .string("Grüße, 日本, 😀"))
    }

    func testAcceptsDataBytesAndStrings() throws {
        let text = #"{"ok": true}"#
        XCTAssertEqual(try JSONValue.parse(Data(text.utf8)), ["ok": true])
        XCTAssertEqual(try JSONValue.parse(Array(text.utf8)), ["ok": true])
        XCTAssertEqual(try JSONValue.parse(text.utf8), ["ok": true])
        XCTAssertEqual(try JSONValue.parse(text), ["ok": true])
    }

    func testSkipsByteOrderMark() throws {
        XCTAssertEqual(try JSONValue.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)), [1])
    }

    func testDuplicateKeysKeepFirstPositionAndLastValue() throws {
        let value = try JSONValue.parse(#"{"a": 1, "b": 2, "a": 3}"#)
        XCTAssertEqual(value.objectValue?.keys, ["a", "b"])
        XCTAssertEqual(value["a"], 3)
    }

    func testEnforcesNestingLimit() throws {
        let limit = JSONParser.maxDepth
        let deepest = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        XCTAssertNoThrow(try JSONValue.parse(deepest))
        let tooDeep = String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1)
        XCTAssertEqual(parseError(tooDeep)?.message, "arrays and objects nested deeper than 512 levels")
        XCTAssertEqual(parseError(tooDeep)?.offset, limit)
    }

    func testErrorsCarryMessageAndOffset() {
        let cases: [(text: String, message: String, offset: Int)] = [
            ("", "unexpected end of input, expected a JSON value", 0),
            ("   ", "unexpected end of input, expected a JSON value", 3),
            ("[1,]", "trailing comma in array", 3),
            (#"{"a":1,}"#, "trailing comma in object", 7),
            ("{'a':1}", "unexpected ''', expected a string in double quotes as object key", 1),
            (#"{"a" 1}"#, "unexpected '1', expected ':' after object key", 5),
            ("[1 2]", "unexpected '2', expected ',' or ']' after an array element", 3),
            (#"{"a":1 "b":2}"#, "unexpected '\"', expected ',' or '}' after an object member", 7),
            ("[1", "unexpected end of input, expected ',' or ']' after an array element", 2),
            ("01", "leading zeros are not allowed in numbers", 0),
            ("1.", "unexpected end of input, expected a digit after the decimal point", 2),
            ("1e+", "unexpected end of input, expected a digit after the exponent marker", 3),
            ("-x", "unexpected 'x', expected a digit after '-'", 1),
            ("+1", "unexpected '+', expected a JSON value", 0),
            ("1e400", "number is too large to represent", 0),
            ("tru", "invalid literal, expected 'true'", 0),
            ("NaN", "unexpected 'N', expected a JSON value", 0),
            ("1 2", "unexpected '2' after the JSON value", 2),
            (#"["abc"#, "unterminated string", 1),
            (#""a\x""#, "invalid escape sequence '\\x' in string", 2),
            (#""\u12G4""#, "invalid \\u escape: expected 4 hexadecimal digits", 1),
            (#""\uD800""#, "high surrogate \\uD800 is not followed by a low surrogate escape", 1),
            (#""\uD800\u0041""#, "high surrogate \\uD800 is not followed by a low surrogate escape", 1),
            (#""x\uDC00""#, "unpaired low surrogate \\uDC00 in string", 2),
            ("\"a\tb\"", "control character U+0009 must be escaped in a string", 2),
            ("[é]", "unexpected 'é', expected a JSON value", 1),
        ]
        for (text, message, offset) in cases {
            let error = parseError(text)
            XCTAssertEqual(error?.message, message, text)
            XCTAssertEqual(error?.offset, offset, text)
        }
    }

    func testRejectsInvalidUTF8() {
        let cases: [(bytes: [UInt8], message: String)] = [
            ([0x22, 0xFF, 0x22], "invalid UTF-8 byte 0xFF in string"),
            ([0x22, 0xC0, 0x80, 0x22], "invalid UTF-8 byte 0xC0 in string"),
            ([0x22, 0xE2, 0x82, 0x22], "invalid UTF-8 sequence in string"),
            ([0x22, 0xED, 0xA0, 0x80, 0x22], "invalid UTF-8 sequence in string"),
            ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], "invalid UTF-8 sequence in string"),
        ]
        for (bytes, message) in cases {
            let error = parseError(bytes)
            XCTAssertEqual(error?.message, message, "\(bytes)")
            XCTAssertEqual(error?.offset, 1, "\(bytes)")
        }
    }

    func testErrorReportsLineAndColumn() throws {
        let error = try XCTUnwrap(parseError("{\n  \"a\": 1,\n  \"b\": }"))
        XCTAssertEqual(error.line, 3)
        XCTAssertEqual(error.column, 8)
        XCTAssertEqual(error.offset, 19)
        XCTAssertEqual(error.description, "unexpected '}', expected a JSON value at line 3, column 8 (byte offset 19)")
    }

    private func parseError(_ text: String) -> JSONParseError? {
        parseError(Array(text.utf8))
    }

    private func parseError(_ bytes: [UInt8]) -> JSONParseError? {
        do throws(JSONParseError) {
            _ = try JSONValue.parse(bytes)
            return nil
        } catch {
            return error
        }
    }
}
