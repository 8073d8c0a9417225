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
        XCTAssertEqual(
            unknown,
            [
                "--var emial_field=…: no scenario of this run declares or uses a variable named 'emial_field' (did you "
                    + "mean 'email_field'?); names like it: email_field; `csar-check vars` lists all 9 with their meaning"
            ])
    }

    /// `--var FILE.name=…` holds in that file only, over `--var name=…`: two files whose variables share a name
    /// but not a meaning (the login's and the request form's `email_field`) are set apart.
    func testAFileNamePrefixScopesAVariableToThatFile() throws {
        let pairs = [
            "email_field": "courriel", "admin-login.email_field": "username", "nightly-load.v2.rate": "3",
            "other.thing": "x",
        ]
        let given = CommandLineVariables(
            pairs, fileStems: ["admin-login", "demande-form", "nightly-load", "nightly-load.v2"])
        XCTAssertEqual(given.run, ["email_field": "courriel", "other.thing": "x"])
        XCTAssertEqual(given.files, ["admin-login": ["email_field": "username"], "nightly-load.v2": ["rate": "3"]])

        let login = try ScenarioLoader(commandLine: given).load(
            text: "variables: { email_field: email }\nsteps: [{ url: '/{{ email_field }}' }]",
            file: "/s/admin-login.yaml")
        var configuration = RunConfiguration(baseURL: "https://csar.sn", variables: given.run)
        configuration.fileVariables = given.files
        XCTAssertEqual(configuration.variables(for: login)["email_field"], "username")

        let misspelt = CommandLineVariables(["admin-login.emial_field": "x"], fileStems: ["admin-login"])
        XCTAssertEqual(
            misspelt.unknownNames(in: [login]),
            [
                "--var admin-login.emial_field=…: admin-login.yaml declares or uses no variable named 'emial_field' "
                    + "(did you mean 'email_field'?); names like it: email_field; `csar-check vars` lists all 5 with "
                    + "their meaning"
            ])
    }

    /// The names shown for an unknown one share a word with it: `username_field` finds the `*_field` names.
    func testNamesLikeAnUnknownOneShareAWordWithIt() {
        XCTAssertEqual(
            CommandLineVariables.related(
                to: "username_field", among: ["api_path", "email_field", "login_path", "name_field", "user_name"]),
            ["email_field", "name_field"])
    }
}
