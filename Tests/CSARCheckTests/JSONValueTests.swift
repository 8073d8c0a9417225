import XCTest

@testable import CSARCheck

final class JSONValueTests: XCTestCase {
    func testJSONTextWritesIntegersWithoutFraction() {
        XCTAssertEqual(JSONValue.number(14).jsonText, "14")
        XCTAssertEqual(JSONValue.number(-3).jsonText, "-3")
        XCTAssertEqual(JSONValue.number(14.7).jsonText, "14.7")
        XCTAssertEqual(JSONValue.number(0.1).jsonText, "0.1")
        XCTAssertEqual(JSONValue.number(9_007_199_254_740_991).jsonText, "9007199254740991")
        XCTAssertEqual(JSONValue.number(1e300).jsonText, "1e+300")
        XCTAssertEqual(JSONValue.number(.nan).jsonText, "null")
    }

    func testJSONTextIsCompactAndEscaped() {
        let value: JSONValue = ["name": "A \"q\"\\\n\u{1F}é", "list": [1, true, .null], "empty": [:]]
        XCTAssertEqual(value.jsonText, #"{"name":"A \"q\"\\\n\u001fé","list":[1,true,null],"empty":{}}"#)
        XCTAssertEqual(value.description, value.jsonText)
    }

    func testJSONTextRoundTrips() throws {
        let text = #"{"a":[1,2.5,-3e-7,"\t\u0000"],"b":{"c":null,"d":false},"e":"😀"}"#
        let value = try JSONValue.parse(text)
        XCTAssertEqual(try JSONValue.parse(value.jsonText), value)
    }

    func testObjectEqualityIgnoresMemberOrder() {
        XCTAssertEqual(JSONValue.object(["a": 1, "b": 2]), JSONValue.object(["b": 2, "a": 1]))
        XCTAssertNotEqual(JSONValue.object(["a": 1, "b": 2]), JSONValue.object(["a": 1]))
        XCTAssertNotEqual(JSONValue.array([1, 2]), JSONValue.array([2, 1]))
    }

    func testStringsCompareByUnicodeScalars() {
        let composed = "\u{E9}"
        let decomposed = "e\u{301}"
        XCTAssertNotEqual(JSONValue.string(composed), JSONValue.string(decomposed))
        let object: JSONObject = [composed: 1, decomposed: 2]
        XCTAssertEqual(object.count, 2)
        XCTAssertEqual(object[decomposed], 2)
    }

    func testLargeObjectsKeepOrderThroughUpdatesAndRemovals() {
        var object = JSONObject((0..<100).map { ("k\($0)", JSONValue.number(Double($0))) })
        XCTAssertEqual(object["k42"], 42)
        object["k42"] = "replaced"
        object["k0"] = nil
        object["new"] = true
        XCTAssertEqual(object.count, 100)
        XCTAssertEqual(object.keys.first, "k1")
        XCTAssertEqual(object.keys.last, "new")
        XCTAssertEqual(object["k42"], "replaced")
        XCTAssertNil(object["k0"])
        XCTAssertEqual(object["k99"], 99)
    }

    func testAccessors() throws {
        let value = try JSONValue.parse(#"{"n": 14, "f": 14.5, "s": "x", "b": true, "z": null, "a": [1], "o": {}}"#)
        XCTAssertEqual(value.typeName, "object")
        XCTAssertEqual(value["n"]?.intValue, 14)
        XCTAssertNil(value["f"]?.intValue)
        XCTAssertEqual(value["f"]?.doubleValue, 14.5)
        XCTAssertEqual(value["s"]?.stringValue, "x")
        XCTAssertEqual(value["b"]?.boolValue, true)
        XCTAssertEqual(value["z"]?.isNull, true)
        XCTAssertEqual(value["a"]?[0], 1)
        XCTAssertNil(value["a"]?[1])
        XCTAssertEqual(value["a"]?.arrayValue, [1])
        XCTAssertEqual(value["o"]?.objectValue, JSONObject())
        XCTAssertNil(value["missing"])
        XCTAssertNil(value["s"]?["x"])
        XCTAssertEqual(
            ["n", "b", "s", "z", "a", "o"].compactMap { value[$0]?.typeName },
            ["number", "boolean", "string", "null", "array", "object"]
        )
    }
}
