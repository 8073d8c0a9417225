import XCTest

@testable import CSARCheck

final class SecretMaskerTests: XCTestCase {
    private let mask = SecretMasker.mask

    func testMasksValuesAndTheirEncodedForms() {
        let masker = SecretMasker(secrets: ["p@ss word!"])
        XCTAssertEqual(masker.mask("password=p%40ss+word%21&x=1"), "password=\(mask)&x=1")
        XCTAssertEqual(masker.mask("pw is p@ss word!"), "pw is \(mask)")
    }

    /// A short password is masked where it is a value, never in free text: masking every `b` of a page garbles
    /// it and, by contrast with the text around, tells the password.
    func testAShortSecretIsMaskedAsAValueNotInFreeText() {
        let masker = SecretMasker(secrets: ["b", "admin"])
        XCTAssertEqual(
            masker.mask("<a href=\"/admin\">Tableau de bord</a> by bob"),
            "<a href=\"/admin\">Tableau de bord</a> by bob")
        XCTAssertEqual(masker.mask("admin"), mask, "a whole value: a capture, a header")
        XCTAssertEqual(masker.mask("email=a%40b.sn&pin=b&code=admin"), "email=a%40b.sn&pin=\(mask)&code=\(mask)")
        XCTAssertEqual(
            masker.mask(#"{"login":"x","code":"admin","role":"administrator"}"#),
            #"{"login":"x","code":"\#(mask)","role":"administrator"}"#)
        XCTAssertEqual(masker.mask("GET /login?user=x&pw=b#top"), "GET /login?user=x&pw=\(mask)#top")
    }

    func testPageJSONAndCookieEncodingsAreMasked() {
        let masker = SecretMasker()
        masker.add("a<b>&'c\"/d+e=")
        XCTAssertEqual(
            masker.mask(#"value="a&lt;b&gt;&amp;&#039;c&quot;/d+e=""#), #"value="\#(mask)""#, "htmlspecialchars")
        XCTAssertEqual(masker.mask(#"{"t":"a<b>&'c\"\/d+e="}"#), #"{"t":"\#(mask)"}"#, "JSON with escaped slashes")
        masker.add("eyJpdiI6Ik1%3D")
        XCTAssertEqual(
            masker.mask("X-XSRF-TOKEN sent eyJpdiI6Ik1="), "X-XSRF-TOKEN sent \(mask)", "a cookie's decoded form")
    }

    func testExcerptsAreMaskedBeforeTheyAreCut() {
        let token = "TOKEN-0123456789abcdefghij"
        let masker = SecretMasker(secrets: [token])
        let text = String(repeating: "x", count: 190) + token + String(repeating: "y", count: 500)
        let excerpt = masker.excerpt(text, length: 200)
        XCTAssertEqual(excerpt, String(repeating: "x", count: 190) + mask + String(repeating: "y", count: 4) + "…")
        XCTAssertFalse(excerpt.contains("TOKEN"))
        let cutEarlier = String(text.prefix(200)) + "…"
        XCTAssertEqual(
            masker.maskExcerpt(cutEarlier), String(repeating: "x", count: 190) + mask + "…",
            "a text cut before the secret was known is masked up to its cut")
        XCTAssertEqual(masker.excerpt("short", length: 200), "short")
    }

    func testSensitiveHeadersKeepTheirNamesAndHideTheirValues() {
        let masker = SecretMasker()
        XCTAssertEqual(masker.mask(HTTPHeader("Authorization", "Bearer abc")).value, mask)
        XCTAssertEqual(
            masker.mask(HTTPHeader("Set-Cookie", "csar_session=abc; path=/; httponly")).value,
            "csar_session=\(mask); path=/; httponly")
        XCTAssertEqual(
            masker.mask(HTTPHeader("Cookie", "XSRF-TOKEN=abc; csar_session=def")).value,
            "XSRF-TOKEN=\(mask); csar_session=\(mask)")
        XCTAssertEqual(masker.mask(HTTPHeader("Content-Type", "text/html")).value, "text/html")
        XCTAssertEqual(
            masker.mask(HTTPHeader("Location", "/reset?token=abc123&email=a%40b#top")).value,
            "/reset?token=\(mask)&email=a%40b#top")
    }

    func testSignedAndResetLinksLoseTheirSensitiveParameters() {
        let masker = SecretMasker()
        XCTAssertEqual(
            masker.maskURL("https://csar.sn/x?expires=1&signature=f00d&next=/admin"),
            "https://csar.sn/x?expires=1&signature=\(mask)&next=/admin")
        XCTAssertEqual(masker.maskURL("https://csar.sn/login?next=/admin"), "https://csar.sn/login?next=/admin")
    }

    func testSensitiveFormFieldsShowTheirNames() {
        XCTAssertEqual(
            Transcript.maskSensitiveFields("_token=abc&email=a%40b&password=x"),
            "_token=\(mask)&email=a%40b&password=\(mask)")
        let json = Transcript.maskSensitiveMembers(try! JSONValue.parse(#"{"user":{"password":"x","name":"a"}}"#))
        XCTAssertEqual(json.jsonText, #"{"user":{"password":"\#(mask)","name":"a"}}"#)
    }

    func testVariablesThatNameThingsAreNotSecrets() {
        XCTAssertTrue(SecretMasker.isSensitiveVariableName("admin_password"))
        XCTAssertTrue(SecretMasker.isSensitiveVariableName("token"))
        XCTAssertTrue(SecretMasker.isSensitiveVariableName("api_key"))
        for name in ["token_field", "password_field", "session_path", "csrf_token_name", "token_header"] {
            XCTAssertFalse(SecretMasker.isSensitiveVariableName(name), name)
        }
        let masker = SecretMasker()
        let variables = VariableStore(environment: [:], masker: masker)
        variables.set("token_field", "_token", secret: false)
        variables.set("password_field", "password", secret: false)
        variables.set("token", "abcdefgh12345678", secret: false)
        XCTAssertEqual(
            masker.mask(#"<input name="_token" value="abcdefgh12345678"><input name="password">"#),
            #"<input name="_token" value="\#(mask)"><input name="password">"#)
    }
}
