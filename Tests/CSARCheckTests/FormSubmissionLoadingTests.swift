import XCTest

@testable import CSARCheck

final class FormSubmissionLoadingTests: XCTestCase {
    /// Attachments are looked for when the file loads: one that exists, the shipped fixture.
    private static let attachment = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
            "Scenarios/fixtures/piece-jointe.pdf"
        ).path

    private func load(_ steps: String) throws -> Scenario {
        try ScenarioLoader().load(
            text: "name: forms\nsteps:\n  - { name: page, url: /login }\n" + steps, file: "forms.yaml")
    }

    private func error(_ steps: String, file: StaticString = #filePath, line: UInt = #line) -> ScenarioError? {
        expectScenarioError(file: file, line: line) { _ = try load(steps) }
    }

    func testReadsAFullSubmission() throws {
        let scenario = try load(
            """
              - name: log in
                submit_form:
                  selector: form[action$="/login"]
                  fields:
                    email: admin@csar.sn
                    tags: [a, b]
                    empty: ""
                  remove: [remember]
                  files: { doc: \(Self.attachment), photo: { file: \(Self.attachment), content_type: image/png } }
                  button: Se connecter
                headers: { Accept-Language: fr }
                expect: { status: 302 }
              - submit_form: { index: 1, button: false }
            """)
        let step = scenario.steps[1]
        let submission = try XCTUnwrap(step.submitForm)
        guard case .css(let selector) = submission.selector else { return XCTFail("expected a CSS selector") }
        XCTAssertEqual(selector.source, "form[action$=\"/login\"]")
        XCTAssertEqual(submission.fields.map(\.name.source), ["email", "tags", "empty"])
        XCTAssertEqual(submission.fields[1].values.map(\.source), ["a", "b"])
        XCTAssertEqual(submission.fields[2].values.map(\.source), [""])
        XCTAssertEqual(submission.remove.map(\.source), ["remember"])
        XCTAssertEqual(submission.files.map(\.name.source), ["doc", "photo"])
        XCTAssertEqual(submission.key, "steps[1].submit_form")
        XCTAssertEqual(submission.location.line, 5)
        XCTAssertEqual(step.headers.map(\.name), ["Accept-Language"])
        XCTAssertEqual(scenario.steps[2].name, "submit the page's only form")
        XCTAssertEqual(scenario.steps[2].submitForm?.index, 1)
        if case .noButton = scenario.steps[2].submitForm?.button {} else { XCTFail("button: false clicks no button") }
    }

    func testMistakesNameTheFileLineColumnAndKey() {
        let cases: [(String, String, String)] = [
            ("  - submit_form: { selectr: form }", "steps[1].submit_form.selectr", "did you mean 'selector'?"),
            ("  - submit_form: { selector: \"form[action\" }", "steps[1].submit_form.selector", "invalid selector"),
            ("  - submit_form: { xpath: \"//form[\" }", "steps[1].submit_form.xpath", "invalid XPath"),
            (
                "  - submit_form: { selector: form, action: /login }", "steps[1].submit_form.action",
                "choose the form one way"
            ),
            ("  - { url: /login, submit_form: {} }", "steps[1].url", "cannot go with 'submit_form'"),
            ("  - { method: POST, submit_form: {} }", "steps[1].method", "cannot go with 'submit_form'"),
            ("  - { submit_form: {}, form: { a: b } }", "steps[1].form", "cannot go with 'submit_form'"),
            (
                "  - submit_form: { fields: { nom: } }", "steps[1].submit_form.fields.nom",
                "write \"\" to send the field empty"
            ),
            (
                "  - submit_form: { fields: { a: x }, remove: [a] }", "steps[1].submit_form.remove",
                "both set under 'fields'"
            ),
            (
                "  - submit_form: { fields: { a: \"{{ nope }}\" } }", "steps[1].submit_form.fields.a",
                "undefined variable 'nope'"
            ),
            ("  - submit_form: { button: true }", "steps[1].submit_form.button", "false to click none"),
            ("  - submit_form: { index: -1 }", "steps[1].submit_form.index", "out of range"),
        ]
        for (yaml, key, message) in cases {
            guard let error = error(yaml) else { continue }
            XCTAssertEqual(error.key, key, yaml)
            XCTAssertTrue(error.message.contains(message), "\(yaml): \(error.message)")
            XCTAssertEqual(error.location.file, "forms.yaml")
            XCTAssertEqual(error.location.line, 4, yaml)
        }
    }

    func testTheFirstStepHasNoPageToTakeAFormFrom() {
        XCTAssertThrowsError(try ScenarioLoader().load(text: "steps:\n  - submit_form: {}\n", file: "f.yaml")) {
            error in
            XCTAssertTrue(
                "\(error)".contains(
                    "f.yaml:2:18: error: steps[0].submit_form: 'submit_form' submits a form of the previous"),
                "\(error)")
        }
    }

    func testSelectorsWithVariablesAreCheckedWhenTheyRun() throws {
        let scenario = try ScenarioLoader().load(
            text: """
                variables: { login_form: "form[" }
                steps:
                  - url: /login
                  - submit_form: { selector: "{{ login_form }}" }
                """, file: "f.yaml")
        XCTAssertNotNil(scenario.steps[1].submitForm)
    }
}
