import CSARCheck
import XCTest

/// `submit_form:` against the demo site: the form's hidden fields (the CSRF token), method, action and
/// encoding come from the page, as a browser would send them.
final class FormSubmissionTests: XCTestCase {
    private var demo: DemoSiteFixture!

    override func setUp() async throws {
        demo = try await DemoSiteFixture.start()
    }

    override func tearDown() async throws {
        await demo.stop()
    }

    func testLogsInWithoutNamingTheTokenField() async throws {
        let result = try await demo.run(
            yaml: """
                variables:
                  email: { env: CSAR_ADMIN_EMAIL }
                  password: { env: CSAR_ADMIN_PASSWORD, secret: true }
                steps:
                  - { name: login page, url: /login }
                  - name: wrong password
                    submit_form:
                      selector: form[action$="/login"]
                      fields: { email: "{{ email }}", password: "not-it" }
                    follow_redirects: true
                    expect: { status: 200, body: { contains: Ces identifiants ne correspondent pas } }
                  - name: right password
                    submit_form:
                      fields: { email: "{{ email }}", password: "{{ password }}" }
                    expect: { status: 302, headers: { Location: { matches: "/admin$" } } }
                  - { name: dashboard, url: /admin, expect: { status: 200, body: { contains: Tableau de bord } } }
                  - name: log out
                    submit_form: { selector: "form[action$='/logout']" }
                    expect: { status: 302 }
                  - { name: dashboard closed, url: /admin, expect: { status: 302 } }
                """, environment: demo.adminEnvironment)
        XCTAssertTrue(
            result.passed,
            result.failedSteps.map { "\($0.name): \(StepDiagnostics.describe($0))" }.joined(separator: "\n"))
        let request = try XCTUnwrap(result.step("right password")?.request)
        XCTAssertEqual(request.method, "POST")
        XCTAssertEqual(request.url, demo.baseURL + "/login")
        XCTAssertEqual(
            request.headers.first { $0.name == "Referer" }?.value, demo.baseURL + "/login",
            "the page the form came from (after the redirect back) is the Referer")
        XCTAssertEqual(request.headers.first { $0.name == "Origin" }?.value, demo.baseURL)
        let body = try XCTUnwrap(request.bodyExcerpt)
        XCTAssertTrue(
            body.hasPrefix("_token=\(SecretMasker.mask)&email=admin%40csar.sn&password=\(SecretMasker.mask)"), body)
    }

    func testSubmitsTheMultipartDemandeFormWithAndWithoutAFile() async throws {
        let scenario = try ScenarioLoader().load(
            text: """
                steps:
                  - { url: /demande }
                  - name: without a file
                    submit_form:
                      fields: { nom: Awa Diop, email: awa@csar.sn, region: Thiès, message: "Une demande de test, assez longue." }
                    expect: { status: 302, headers: { Location: { contains: /demande/confirmation/ } } }
                  - { url: /demande }
                  - name: with a file
                    submit_form:
                      fields: { nom: Moussa, email: m@csar.sn, region: Kaolack, message: "Une demande avec un fichier joint." }
                      files: { piece_jointe: { file: fixtures/piece-jointe.pdf, content_type: application/pdf } }
                    follow_redirects: true
                    expect: { status: 200, body: { contains: [Votre demande a été enregistrée, piece-jointe.pdf] } }
                """, file: RepositoryPaths.scenario("inline.yaml"))
        let result = try await demo.run(scenario)
        XCTAssertTrue(
            result.passed,
            result.failedSteps.map { "\($0.name): \(StepDiagnostics.describe($0))" }.joined(separator: "\n"))
        let sent = try XCTUnwrap(result.step("without a file")?.request?.bodyExcerpt)
        XCTAssertTrue(
            sent.contains("type_demande=aide_alimentaire"), "the select's first option goes with the form: \(sent)")
        XCTAssertTrue(
            sent.contains("piece_jointe=@(0 bytes)"), "an empty file input is sent empty, as browsers do: \(sent)")
    }

    func testAFormThatIsNotThereFailsTheStepAndSaysWhatThePageHas() async throws {
        let result = try await demo.run(
            yaml: """
                steps:
                  - { name: home, url: / }
                  - { name: login, submit_form: { selector: "form#login" } }
                  - { name: two forms, url: /login }
                  - { name: unknown field, submit_form: { remove: [remember] } }
                  - { name: no page, submit_form: { button: Valider } }
                  - { name: login page again, url: /login }
                  - { name: unknown button, submit_form: { button: Valider } }
                """)
        let login = try XCTUnwrap(result.step("login"))
        XCTAssertEqual(login.outcome, .failed)
        XCTAssertNil(login.request, "nothing was sent")
        XCTAssertEqual(
            login.failedAssertions.first?.failure?.actual,
            "no form matching 'form#login' on the previous response (GET /, 200); the page has no form")
        XCTAssertEqual(login.failedAssertions.first?.location.line, 3)
        XCTAssertEqual(login.failedAssertions.first?.key, "steps[1].submit_form")
        let remove = try XCTUnwrap(result.step("unknown field")?.failedAssertions.first?.failure?.actual)
        XCTAssertTrue(
            remove.contains(
                "'remove' names 'remember', which form (POST \(demo.baseURL)/login) does not send "
                    + "(it sends: _token, email, password)"), remove)
        let noPage = try XCTUnwrap(result.step("no page"))
        XCTAssertEqual(noPage.outcome, .skipped, "the step before sent nothing: there is no page to take a form from")
        XCTAssertEqual(
            noPage.problem,
            "not sent: it submits a form of the previous page, and the previous step (unknown field) was not sent")
        let button = try XCTUnwrap(result.step("unknown button")?.failedAssertions.first?.failure?.actual)
        XCTAssertTrue(button.contains("no submit button 'Valider'") && button.contains("'Se connecter'"), button)
    }

    /// The message names the selector as sent, not its template; a field the demo's form lacks is refused with
    /// the fields it has, `add:` sends it on purpose, and an empty required field stops the step unless
    /// `novalidate: true`.
    func testMessagesShowTheSelectorAsSentAndFieldsTheFormLacksAreRefused() async throws {
        let result = try await demo.run(
            yaml: """
                variables: { the_form: 'form[action*="/demande"]', type: type_demande }
                steps:
                  - { name: form, url: /demande }
                  - name: unknown field
                    submit_form: { selector: "{{ the_form }}", fields: { nom: Awa, objet: Aide } }
                  - { name: form again, url: /demande }
                  - name: required empty
                    submit_form: { selector: "{{ the_form }}", fields: { nom: "" } }
                  - { name: form once more, url: /demande }
                  - name: on purpose
                    submit_form:
                      selector: "{{ the_form }}"
                      novalidate: true
                      fields: { nom: "", "{{ type }}": information }
                      add: { objet: Aide }
                    expect: { status: 302 }
                """)
        let unknown = try XCTUnwrap(result.step("unknown field")?.failedAssertions.first)
        XCTAssertEqual(unknown.title, #"submit_form: form matching 'form[action*="/demande"]'"#)
        XCTAssertTrue(
            unknown.failure?.actual.contains(
                "has no field 'objet', so a browser could not send it; its fields: _token, nom, email, telephone, "
                    + "region, type_demande, message, piece_jointe. Name one of them, list 'objet' under 'add'")
                ?? false,
            unknown.failure?.actual ?? "")
        let required = try XCTUnwrap(result.step("required empty")?.failedAssertions.first?.failure?.actual)
        XCTAssertTrue(required.contains("requires 'nom', 'email', 'region', 'message', left empty"), required)
        let sent = try XCTUnwrap(result.step("on purpose"))
        XCTAssertEqual(sent.outcome, .passed, "\(sent.failedAssertions)")
        XCTAssertTrue(sent.request?.bodyExcerpt?.contains("objet=Aide") ?? false, sent.request?.bodyExcerpt ?? "")
    }
}
