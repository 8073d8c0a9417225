import XCTest

@testable import CSARCheck

final class ScenarioLoaderTests: XCTestCase {
    private func load(_ yaml: String, vars: Set<String> = []) throws -> Scenario {
        try ScenarioLoader(predefinedVariables: vars).load(text: yaml, file: "test.yaml")
    }

    private func loadError(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) -> ScenarioError? {
        expectScenarioError(file: file, line: line) { _ = try load(yaml) }
    }

    func testLoadsAFullStep() throws {
        let scenario = try load(
            """
            name: Login
            variables:
              email: admin@csar.sn
              password: { env: CSAR_ADMIN_PASSWORD, secret: true }
            defaults:
              headers: { Accept: text/html }
              timeout: 5s
            steps:
              - name: form
                url: /login
                capture:
                  token: { xpath: "string(//input[@name='_token']/@value)" }
                  xsrf: { cookie: XSRF-TOKEN, decode: url }
                expect:
                  status: 200
              - name: post
                method: post
                url: /login
                headers: { X-XSRF-TOKEN: "{{ xsrf }}" }
                form: { _token: "{{ token }}", email: "{{ email }}", password: "{{ password }}" }
                expect:
                  status: [302, 3xx]
                  headers:
                    Location: { matches: "/admin$" }
                  max_duration: 2s
            """)
        XCTAssertEqual(scenario.name, "Login")
        XCTAssertEqual(scenario.steps.count, 2)
        XCTAssertEqual(scenario.steps[1].method, "POST")
        XCTAssertEqual(scenario.steps[1].timeout, 5)
        XCTAssertEqual(scenario.steps[1].headers.map(\.name), ["Accept", "X-XSRF-TOKEN"])
        XCTAssertEqual(scenario.steps[0].captures.map(\.variable), ["token", "xsrf"])
        XCTAssertEqual(scenario.steps[1].assertions.count, 3)
        XCTAssertTrue(scenario.variables[1].secret)
        XCTAssertEqual(scenario.steps[1].location.line, 16)
    }

    func testUnknownKeyNamesLineColumnKeyAndSuggestion() {
        let error = loadError(
            """
            name: x
            steps:
              - url: /
                expcet:
                  status: 200
            """)
        XCTAssertEqual(error?.location.line, 4)
        XCTAssertEqual(error?.location.column, 5)
        XCTAssertEqual(error?.key, "steps[0].expcet")
        XCTAssertTrue(error?.message.contains("did you mean 'expect'") ?? false, error?.message ?? "")
        XCTAssertTrue(error?.description.hasPrefix("test.yaml:4:5: error: steps[0].expcet:") ?? false)
        XCTAssertTrue(error?.description.contains("    expcet:\n        ^") ?? false, error?.description ?? "")
    }

    func testWrongTypeIsAnError() {
        let error = loadError(
            """
            steps:
              - url: /
                follow_redirects: maybe
            """)
        XCTAssertEqual(error?.key, "steps[0].follow_redirects")
        XCTAssertEqual(error?.location.line, 3)
        XCTAssertTrue(error?.message.contains("expected true or false") ?? false)
    }

    func testUndefinedVariableIsFoundBeforeRunning() {
        let error = loadError(
            """
            steps:
              - url: /login
                capture:
                  token: { regex: "name=\\"_token\\" value=\\"([^\\"]+)\\"" }
              - url: /x?t={{ tokn }}
            """)
        XCTAssertEqual(error?.location.line, 5)
        XCTAssertEqual(error?.key, "steps[1].url")
        XCTAssertTrue(error?.message.contains("undefined variable 'tokn'") ?? false)
        XCTAssertTrue(error?.message.contains("did you mean 'token'") ?? false, error?.message ?? "")
    }

    func testCaptureIsNotVisibleBeforeItsStep() {
        let error = loadError(
            """
            steps:
              - url: /{{ later }}
              - url: /
                capture: { later: { status: true } }
            """)
        XCTAssertEqual(error?.key, "steps[0].url")
    }

    func testVarFromCommandLineAndEnvironmentNamespaceAreDefined() throws {
        XCTAssertNoThrow(try load("steps:\n  - url: /{{ lang }}/{{ env.HOME }}\n", vars: ["lang"]))
    }

    func testBadQueriesAreErrors() {
        let jsonPath = loadError(
            "steps:\n  - url: /\n    expect:\n      jsonpath:\n        - { path: \"$.data[\", count: 1 }\n")
        XCTAssertEqual(jsonPath?.key, "steps[0].expect.jsonpath[0].path")
        XCTAssertEqual(jsonPath?.location.line, 5)
        XCTAssertTrue(jsonPath?.message.contains("invalid JSONPath") ?? false, jsonPath?.message ?? "")

        let xPath = loadError(
            "steps:\n  - url: /\n    expect:\n      xpath:\n        - { path: \"//input[@name=\", exists: true }\n")
        XCTAssertEqual(xPath?.key, "steps[0].expect.xpath[0].path")
        XCTAssertTrue(xPath?.message.contains("invalid XPath") ?? false)

        let regex = loadError("steps:\n  - url: /\n    expect:\n      body: { matches: \"(unclosed\" }\n")
        XCTAssertEqual(regex?.key, "steps[0].expect.body.matches")
        XCTAssertEqual(regex?.location.line, 4)
    }

    func testStatusForms() throws {
        let scenario = try load(
            """
            steps:
              - url: /
                expect: { status: 2xx }
              - url: /
                expect: { status: { not: [5xx, 404] } }
            """)
        guard case .status(let first) = scenario.steps[0].assertions[0].expectation,
            case .status(let second) = scenario.steps[1].assertions[0].expectation
        else { return XCTFail("expected status assertions") }
        XCTAssertTrue(first.accepts(204))
        XCTAssertFalse(first.accepts(302))
        XCTAssertTrue(second.accepts(302))
        XCTAssertFalse(second.accepts(503))
        XCTAssertFalse(second.accepts(404))
        XCTAssertNotNil(loadError("steps:\n  - url: /\n    expect: { status: 6xx }\n"))
    }

    func testGetWithBodyAndTwoBodiesAreErrors() {
        XCTAssertTrue(
            loadError("steps:\n  - url: /\n    form: { a: b }\n")?.message.contains("cannot carry a body") ?? false)
        let two = loadError("steps:\n  - method: POST\n    url: /\n    form: { a: b }\n    json: { a: 1 }\n")
        XCTAssertTrue(two?.message.contains("one body") ?? false)
    }

    /// Plain YAML scalars keep the type YAML gives them, and a JSON body stays valid JSON: numbers that JSON
    /// cannot write as YAML wrote them are written by value; a base-60 integer too large for Int (on which
    /// Yams' own `Node.int` traps) is text.
    func testJSONBodyScalarsKeepTheirYAMLTypes() throws {
        let scenario = try load(
            """
            steps:
              - method: POST
                url: /
                json:
                  plain: [1, -2.50, 1e3, 0, .5, +12, 0x1F, 1e400]
                  others: [true, null, ~, "12", 12abc, 9999999999999:59:59:59:59:59, .inf]
            """)
        guard case .json(let template) = scenario.steps[0].body else { return XCTFail("not a JSON body") }
        let variables = VariableStore(environment: [:], masker: SecretMasker(secrets: []))
        XCTAssertEqual(
            try JSONRendering.text(template, variables: variables),
            #"{"plain":[1,-2.50,1e3,0,0.5,12,31,1e400],"#
                + #""others":[true,null,null,"12","12abc","9999999999999:59:59:59:59:59",".inf"]}"#)
    }

    func testYAMLSyntaxErrorHasALine() {
        let error = loadError("steps:\n  - url: /\n    expect: { status: 200\n")
        XCTAssertNotNil(error)
        XCTAssertGreaterThanOrEqual(error?.location.line ?? 0, 3)
        XCTAssertTrue(error?.message.contains("invalid YAML") ?? false)
    }

    func testMissingStepsAndEmptyFile() {
        XCTAssertTrue(loadError("name: x\n")?.message.contains("missing required key 'steps'") ?? false)
        XCTAssertTrue(loadError("")?.message.contains("empty") ?? false)
    }

    func testShippedScenariosValidate() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let folder = root.appendingPathComponent("Scenarios").path
        let files = try ScenarioFiles.resolve([folder]).get().paths
        XCTAssertFalse(files.isEmpty)
        if case .failure(let errors) = ScenarioFiles.load(files, loader: ScenarioLoader()) {
            XCTFail(errors.description)
        }
    }
}
