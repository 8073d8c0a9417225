import XCTest

@testable import CSARCheck

/// XPath and JSONPath with `{{ variables }}`: plain ones are checked as the file loads, templated ones are
/// rendered and compiled when the step runs.
final class QueryPathTests: XCTestCase {
    private func load(_ yaml: String) throws -> Scenario {
        try ScenarioLoader().load(text: yaml, file: "test.yaml")
    }

    private func render(_ values: [String: String]) -> (Template) throws(UndefinedVariable) -> String {
        { (template: Template) throws(UndefinedVariable) -> String in try template.render { values[$0] } }
    }

    private let scenario = """
        name: Templated queries
        variables:
          region_field: region
          items: $.data
        steps:
          - name: page
            url: /
            capture:
              choice: { xpath: "string(//select[@name='{{ region_field }}']/option[2]/@value)" }
            expect:
              xpath:
                - { path: "//select[@name='{{ region_field }}']/option", count: { ge: 2 } }
              jsonpath:
                - { path: "{{ items }}[*]['name']", exists: true }
        """

    func testTemplatedPathsLoadAndRenderWhenTheStepRuns() throws {
        let step = try load(scenario).steps[0]
        guard case .xPath(let xpath) = step.assertions[0].query,
            case .jsonPath(let jsonpath) = step.assertions[1].query,
            case .xPath(let captured) = step.captures[0].query
        else { return XCTFail("unexpected queries") }
        XCTAssertEqual(xpath.source, "//select[@name='{{ region_field }}']/option")
        let values = render(["region_field": "region", "items": "$.data"])
        XCTAssertEqual(xpath.text(values), "//select[@name='region']/option")
        XCTAssertNoThrow(try xpath.resolved(values).get())
        XCTAssertNoThrow(try captured.resolved(values).get())
        let document = try JSONValue.parse(#"{"data": [{"name": "Dakar"}]}"#)
        XCTAssertEqual(try jsonpath.resolved(values).get().query(document), [.string("Dakar")])
    }

    func testATemplatedPathThatRendersInvalidFailsWhenTheStepRuns() throws {
        guard case .jsonPath(let path) = try load(scenario).steps[0].assertions[1].query else {
            return XCTFail("not a jsonpath")
        }
        guard case .failure(let error) = path.resolved(render(["items": "data"])) else {
            return XCTFail("'data[*]' is not a JSONPath")
        }
        XCTAssertTrue(error.message.contains("{{ items }}[*]['name'] rendered as data[*]['name']"), error.message)
    }

    func testAPlainInvalidPathIsStillAnErrorWhenTheFileLoads() {
        XCTAssertThrowsError(
            try load(
                """
                name: Typo
                steps:
                  - url: /
                    expect:
                      xpath: [{ path: "//div[", count: 1 }]
                """)
        ) { error in
            XCTAssertTrue("\(error)".contains("steps[0].expect.xpath[0]"), "\(error)")
        }
    }

    func testAnUndefinedVariableInAPathIsAnErrorWhenTheFileLoads() {
        XCTAssertThrowsError(
            try load(
                """
                name: Undefined
                steps:
                  - url: /
                    expect:
                      jsonpath: [{ path: "$.errors['{{ emial_field }}']", exists: true }]
                """)
        ) { error in
            XCTAssertTrue("\(error)".contains("undefined variable 'emial_field'"), "\(error)")
        }
    }
}
