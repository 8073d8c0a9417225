import XCTest

@testable import CSARCheck

final class PredicateEvaluatorTests: XCTestCase {
    private let evaluator = PredicateEvaluator(render: { (template: Template) throws(UndefinedVariable) -> String in
        try template.render { _ in nil }
    })
    private let warehouses = try! JSONValue.parse(
        """
        {"data":[{"id":1,"name":"Dakar","latitude":14.69,"longitude":-17.44},
                 {"id":2,"name":"Thiès","latitude":14.79,"longitude":-16.93}]}
        """)

    private func predicate(_ yaml: String) throws -> CSARCheck.Predicate {
        let scenario = try ScenarioLoader().load(
            text: """
                steps:
                  - url: /
                    expect:
                      jsonpath:
                        - { path: "$", \(yaml) }
                """, file: "p.yaml")
        guard case .predicate(let predicate) = scenario.steps[0].assertions[0].expectation else {
            throw XCTSkip("not a jsonpath assertion")
        }
        return predicate
    }

    private func failure(_ yaml: String, _ query: String) throws -> CheckFailure? {
        evaluator.failure(of: try predicate(yaml), on: try JSONPath(query).query(warehouses))
    }

    func testCountOfASingleArrayCountsItsElements() throws {
        XCTAssertNil(try failure("count: 2", "$.data"))
        XCTAssertNil(try failure("count: { gt: 1 }", "$.data[*]"))
        XCTAssertEqual(try failure("count: { gt: 2 }", "$.data")?.actual, "count 2")
    }

    func testEachElementInRange() throws {
        XCTAssertNil(try failure("each: { type: number, in_range: [12.0, 16.8] }", "$.data[*].latitude"))
        let failed = try failure("each: { in_range: [-17.0, -11.3] }", "$.data[*].longitude")
        XCTAssertEqual(failed?.expected, "each in [-17, -11.3]")
        XCTAssertEqual(failed?.actual, "[0] is -17.44")
    }

    func testUniqueEqualsAndComparisons() throws {
        XCTAssertNil(try failure("unique: true", "$.data[*].id"))
        XCTAssertNil(try failure("equals: Dakar", "$.data[0].name"))
        XCTAssertNotNil(try failure("equals: Thiès", "$.data[0].name"))
        XCTAssertNil(try failure("gt: 14.7, lt: 15", "$.data[1].latitude"))
        XCTAssertNotNil(try failure("ge: 15", "$.data[1].latitude"))
        XCTAssertNil(try failure("one_of: [1, 2]", "$.data[1].id"))
        XCTAssertNil(try failure("matches: \"^Thi\"", "$.data[1].name"))
    }

    func testExistsAndMultipleValues() throws {
        XCTAssertNil(try failure("exists: false", "$.nothing"))
        XCTAssertEqual(try failure("exists: true", "$.nothing")?.actual, "nothing")
        XCTAssertTrue(try failure("equals: 1", "$.data[*].id")?.actual.contains("2 values") ?? false)
    }

    func testNumericTextComparesAsNumber() {
        XCTAssertTrue(ValueComparison.equal(.string("3"), .number(3)))
        XCTAssertTrue(ValueComparison.compare(.string("10"), .gt, .number(9)))
        XCTAssertFalse(ValueComparison.equal(.string("abc"), .number(3)))
    }
}
