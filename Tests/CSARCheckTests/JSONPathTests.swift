import XCTest

@testable import CSARCheck

final class JSONPathTests: XCTestCase {
    /// The example document of RFC 9535 §1.5.
    private let store = try! JSONValue.parse(
        #"""
        { "store": {
            "book": [
              { "category": "reference", "author": "Nigel Rees", "title": "Sayings of the Century", "price": 8.95 },
              { "category": "fiction", "author": "Evelyn Waugh", "title": "Sword of Honour", "price": 12.99 },
              { "category": "fiction", "author": "Herman Melville", "title": "Moby Dick", "isbn": "0-553-21311-3",
                "price": 8.99 },
              { "category": "fiction", "author": "J. R. R. Tolkien", "title": "The Lord of the Rings",
                "isbn": "0-395-19395-8", "price": 22.99 }
            ],
            "bicycle": { "color": "red", "price": 399 }
          }
        }
        """#)

    func testRFCExamples() throws {
        let authors: [JSONValue] = ["Nigel Rees", "Evelyn Waugh", "Herman Melville", "J. R. R. Tolkien"]
        XCTAssertEqual(try query("$.store.book[*].author"), authors)
        XCTAssertEqual(try query("$..author"), authors)
        XCTAssertEqual(try query("$.store..price"), [8.95, 12.99, 8.99, 22.99, 399])
        XCTAssertEqual(try query("$..book[2].author"), ["Herman Melville"])
        XCTAssertEqual(try query("$..book[-1].title"), ["The Lord of the Rings"])
        XCTAssertEqual(try query("$..book[:2].price"), [8.95, 12.99])
        XCTAssertEqual(try query("$..book[0,1].price"), [8.95, 12.99])
        XCTAssertEqual(try query("$..book[?@.isbn].title"), ["Moby Dick", "The Lord of the Rings"])
        XCTAssertEqual(try query("$..book[?@.price<10].title"), ["Sayings of the Century", "Moby Dick"])
        XCTAssertEqual(try query("$.store.book[?@.price > $.store.bicycle.price]"), [])
        XCTAssertEqual(try query("$.store.*").count, 2)
    }

    func testQueryPathsAreNormalized() throws {
        let paths = try JSONPath("$..book[?@.price < 10].title").queryPaths(store).map(\.path)
        XCTAssertEqual(paths, ["$['store']['book'][0]['title']", "$['store']['book'][2]['title']"])
        XCTAssertEqual(try JSONPath("$.store.book[-1]").queryPaths(store).map(\.path), ["$['store']['book'][3]"])
        let awkward: JSONValue = ["it's \\ \n\u{1}": 1]
        XCTAssertEqual(try JSONPath("$.*").queryPaths(awkward).map(\.path), [#"$['it\'s \\ \n\u0001']"#])
    }

    func testSlices() throws {
        let numbers: JSONValue = [0, 1, 2, 3, 4, 5]
        XCTAssertEqual(try JSONPath("$[1:3]").query(numbers), [1, 2])
        XCTAssertEqual(try JSONPath("$[::2]").query(numbers), [0, 2, 4])
        XCTAssertEqual(try JSONPath("$[::-1]").query(numbers), [5, 4, 3, 2, 1, 0])
        XCTAssertEqual(try JSONPath("$[5:1:-2]").query(numbers), [5, 3])
        XCTAssertEqual(try JSONPath("$[-2:]").query(numbers), [4, 5])
        XCTAssertEqual(try JSONPath("$[1:2:0]").query(numbers), [])
    }

    func testFunctions() throws {
        let items: JSONValue = [
            ["name": "e\u{301}", "tags": ["a", "b"]],
            ["name": "line\nbreak", "tags": []],
            ["name": "a\u{2028}b", "tags": ["a"]],
        ]
        let names = { (expression: String) in try JSONPath(expression).query(items).compactMap { $0["name"] } }
        XCTAssertEqual(try names("$[?length(@.name) == 2]"), ["e\u{301}"], "length counts Unicode scalars")
        XCTAssertEqual(try names("$[?count(@.tags[*]) == 2]"), ["e\u{301}"])
        XCTAssertEqual(try names("$[?value(@.tags[0]) == 'a']"), ["e\u{301}", "a\u{2028}b"])
        XCTAssertEqual(try names("$[?match(@.name, 'line.break')]"), [], "'.' does not match a newline")
        XCTAssertEqual(try names("$[?match(@.name, 'a.b')]"), ["a\u{2028}b"], "'.' matches U+2028")
        XCTAssertEqual(try names("$[?match(@.name, 'line')]"), [], "match is anchored")
        XCTAssertEqual(try names("$[?search(@.name, 'line')]"), ["line\nbreak"])
        XCTAssertEqual(try names("$[?search(@.name, '\\\\d')]"), [], "invalid I-Regexp matches nothing")
    }

    func testStringComparisonUsesScalarOrder() throws {
        let words: JSONValue = ["Z", "a", "é", "e\u{301}"]
        XCTAssertEqual(try JSONPath("$[?@ < 'a']").query(words), ["Z"])
        XCTAssertEqual(try JSONPath("$[?@ == 'e\u{301}']").query(words), ["e\u{301}"])
        XCTAssertEqual(try JSONPath("$[?@ > 'f']").query(words), ["é"])
    }

    func testSingularity() throws {
        XCTAssertTrue(try JSONPath("$.a[0]['b']").isSingular)
        XCTAssertTrue(try JSONPath("$").isSingular)
        XCTAssertFalse(try JSONPath("$.a[*]").isSingular)
        XCTAssertFalse(try JSONPath("$..a").isSingular)
        XCTAssertFalse(try JSONPath("$['a','b']").isSingular)
    }

    func testEqualityComparesExpressions() throws {
        XCTAssertEqual(try JSONPath("$.a"), try JSONPath("$.a"))
        XCTAssertNotEqual(try JSONPath("$.a"), try JSONPath("$['a']"))
        XCTAssertEqual(try JSONPath("$.a").description, "$.a")
    }

    func testErrorsAreReadable() {
        let cases: [(expression: String, description: String)] = [
            ("", "empty expression; a JSONPath query starts with '$' at offset 0"),
            ("store.book", "unexpected 's'; a JSONPath query starts with '$', e.g. $.items[0] at offset 0"),
            ("@.a", "'@' (the current node) is only allowed inside a filter; a query starts with '$' at offset 0"),
            (" $", "leading whitespace is not allowed at offset 0"),
            ("$.a ", "trailing whitespace is not allowed at offset 3"),
            ("$.store]", "unexpected ']', expected '.', '..' or '[' to start a segment at offset 7"),
            (
                "$.store[]",
                "empty brackets; expected a selector such as ['name'], [0], [*], [1:3] or [?@.a] "
                    + "at offset 8"
            ),
            (
                "$[0,]",
                "unexpected ']', expected a selector (a quoted name, '*', an index, a slice or a filter) "
                    + "at offset 4"
            ),
            ("$[a]", "member names in brackets must be quoted, e.g. ['a'] at offset 2"),
            (
                "$.1",
                "a member name after '.' cannot start with a digit; use [1] for an array index or ['1'] for a name "
                    + "at offset 2"
            ),
            ("$. a", "unexpected space, expected a member name or '*' after '.' at offset 2"),
            ("$['a", "unterminated string literal; missing closing ' at offset 2"),
            (#"$['a\"']"#, "\\\" is not a valid escape in a single-quoted string; write \" unescaped at offset 4"),
            ("$[01]", "leading zeros are not allowed in integers at offset 2"),
            (
                "$[9007199254740992]",
                "integer out of range; indices and slice bounds must be within ±9007199254740991 "
                    + "at offset 2"
            ),
            ("$[?@.a = 1]", "'=' is not an operator; use '==' to compare at offset 7"),
            ("$[?(@.a == 1]", "unexpected ']', expected ')' at offset 12"),
            ("$[?true]", "a literal cannot be a condition on its own; compare it, e.g. @.active == true at offset 3"),
            (
                "$[?@.* == 1]",
                "a comparison operand must be a singular query (only names and indices, e.g. @.a[0]), "
                    + "but this query can select several nodes at offset 3"
            ),
            ("$[?count(1) > 0]", "argument 1 of count() must be a query, e.g. @.items[*] at offset 9"),
            (
                "$[?length(@.a)]",
                "length() returns a value (ValueType), which cannot be a condition on its own; "
                    + "compare it, e.g. length(...) > 0 at offset 3"
            ),
            (
                "$[?match(@.a, 'x') == true]",
                "a comparison operand must be a value, but match() returns true or false "
                    + "(LogicalType); use it as a condition on its own at offset 3"
            ),
            ("$[?match(@.a)]", "match() takes 2 arguments, but 1 given at offset 3"),
            (
                "$[?size(@.a) > 1]",
                "unknown function 'size'; available functions are length, count, match, search, "
                    + "value at offset 3"
            ),
            ("$[?count (@.a) > 1]", "no whitespace is allowed between a function name and '(' at offset 8"),
        ]
        for (expression, description) in cases {
            XCTAssertEqual(compileError(expression)?.description, description, expression)
        }
    }

    func testErrorDiagnosticPointsAtTheProblem() throws {
        let error = try XCTUnwrap(compileError("$.store[?@.price <]"))
        XCTAssertEqual(error.offset, 18)
        XCTAssertEqual(error.expression, "$.store[?@.price <]")
        XCTAssertEqual(
            error.diagnostic,
            """
            $.store[?@.price <]
                              ^ unexpected ']', expected a query, a literal or a function call
            """)
    }

    func testRejectsHostileNesting() {
        let deep = "$[?" + String(repeating: "(", count: 10_000) + "@" + String(repeating: ")", count: 10_000) + "]"
        XCTAssertEqual(compileError(deep)?.message, "filter expression nested more than 128 levels deep")
    }

    private func query(_ expression: String) throws -> [JSONValue] {
        try JSONPath(expression).query(store)
    }

    private func compileError(_ expression: String) -> JSONPathError? {
        do throws(JSONPathError) {
            _ = try JSONPath(expression)
            return nil
        } catch {
            return error
        }
    }
}
