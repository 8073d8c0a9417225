import XCTest

@testable import CSARCheck

/// Origins and what counts as carrying a secret, without a server (the built binary against two hostile
/// servers is in IntegrationTests' CredentialConfinementTests).
final class CredentialConfinementUnitTests: XCTestCase {
    private let masker = SecretMasker(secrets: ["Pr0d-Adm1n-Pa55", "b"])

    private var confinement: CredentialConfinement {
        CredentialConfinement(
            baseURL: "http://csar.sn/app", allowedOrigins: [Origin(url: "https://sso.example")!], masker: masker)
    }

    func testOriginsCompareSchemeHostAndPortWithDefaultPorts() throws {
        XCTAssertEqual(Origin(url: "https://CSAR.sn:443/login"), Origin(url: "https://csar.sn"))
        XCTAssertEqual(Origin(url: "http://127.0.0.1:8080/x")?.description, "http://127.0.0.1:8080")
        XCTAssertEqual(Origin(url: "http://[::1]:9000/")?.description, "http://[::1]:9000")
        XCTAssertNotEqual(Origin(url: "http://127.0.0.1:8080"), Origin(url: "http://127.0.0.1:8081"))
        XCTAssertNil(Origin(url: "file:///etc/passwd"))
        XCTAssertNil(Origin(url: "/relative"))
    }

    func testOnlyTheHTTPSUpgradeOfTheSameHostIsAdmitted() throws {
        let plain = try XCTUnwrap(Origin(url: "http://csar.sn"))
        XCTAssertTrue(plain.admits(try XCTUnwrap(Origin(url: "https://csar.sn/admin"))))
        XCTAssertFalse(plain.admits(try XCTUnwrap(Origin(url: "https://csar.sn:8443"))))
        XCTAssertFalse(plain.admits(try XCTUnwrap(Origin(url: "https://evil.example"))))
        XCTAssertFalse(try XCTUnwrap(Origin(url: "https://csar.sn")).admits(plain), "no downgrade")
    }

    func testASecretIsFoundByHeaderFieldNameOrKnownValue() {
        func carried(_ request: HTTPRequest) -> String? { confinement.secretCarried(by: request) }
        let url = "https://evil.example/steal"
        XCTAssertEqual(
            carried(HTTPRequest(url: url, headers: [HTTPHeader("X-XSRF-TOKEN", "abc")])), "the header 'X-XSRF-TOKEN'")
        XCTAssertEqual(carried(HTTPRequest(url: url + "?q=a&token=xyz")), "the query parameter 'token'")
        let form = { (text: String) in
            HTTPRequest(
                method: "POST", url: url,
                body: .bytes(Array(text.utf8), contentType: "application/x-www-form-urlencoded"))
        }
        XCTAssertEqual(carried(form("email=a%40b&password=x")), "the field 'password'")
        XCTAssertEqual(carried(form("pw=Pr0d-Adm1n-Pa55")), "the field 'pw'", "a known secret, whatever the name")
        XCTAssertEqual(carried(form("short=b")), "the field 'short'", "a short secret as a whole value")
        XCTAssertNil(carried(form("q=entrep%C3%B4t&password=")), "an empty password field carries nothing")
        XCTAssertNil(carried(HTTPRequest(url: url, headers: [HTTPHeader("Accept", "text/html")])))
        let multipart = HTTPRequest(
            method: "POST", url: url, body: .multipart([MultipartPart(name: "secret_answer", content: .text("42"))]))
        XCTAssertEqual(carried(multipart), "the field 'secret_answer'")
    }

    func testSecretsGoOnlyToTheTargetAndAllowedOriginsAndRedirectsAreConfinedThere() throws {
        let secret = HTTPRequest(url: "https://evil.example/x", headers: [HTTPHeader("Authorization", "Bearer t")])
        guard case .failure(let leak) = confinement.confine(secret) else { return XCTFail("a leak is refused") }
        let message = leak.message(maskingURL: { $0 })
        XCTAssertTrue(message.contains("https://evil.example"), message)
        XCTAssertTrue(message.contains("--allow-origin https://evil.example"), message)
        var allowed = secret
        allowed.url = "https://sso.example/login"
        XCTAssertEqual(
            try confinement.confine(allowed).get().confinedTo?.map(\.description),
            ["http://csar.sn", "https://sso.example"])
        let plain = HTTPRequest(url: "https://partner.example/search?q=a")
        XCTAssertNil(try confinement.confine(plain).get().confinedTo, "nothing secret: goes anywhere, unconfined")
    }
}
