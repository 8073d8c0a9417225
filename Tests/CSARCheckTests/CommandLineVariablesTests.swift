import XCTest

@testable import CSARCheck

final class CommandLineVariablesTests: XCTestCase {
    func testDeclaredReadAndBuiltInNamesAreKnown() throws {
        let scenario = try ScenarioLoader(predefinedVariables: ["lang", "who"]).load(
            text: """
                variables: { email_field: email, greeting: "hello {{ who }}" }
                steps:
                  - url: "/{{ lang }}/login"
                    headers: { X-Test: "{{ env.HOME }}" }
                    capture: { token: { form_field: _token } }
                  - url: /x
                    method: POST
                    form: { "{{ email_field }}": "{{ token }}" }
                    expect: { body: { contains: "{{ greeting }}" } }
                """, file: "f.yaml")
        XCTAssertEqual(scenario.usedVariables, ["lang", "who", "env.HOME", "email_field", "token", "greeting"])
        XCTAssertEqual(CommandLineVariables.unknownNames(["lang", "who", "email_field", "run_id"], in: [scenario]), [])
        let unknown = CommandLineVariables.unknownNames(["emial_field", "lang"], in: [scenario])
        XCTAssertEqual(unknown.count, 1)
        XCTAssertTrue(
            unknown[0].hasPrefix(
                "--var emial_field=…: no scenario of this run declares or uses a variable named "
                    + "'emial_field' (did you mean 'email_field'?); the files know: base_url, email_field"),
            unknown[0])
    }
}
