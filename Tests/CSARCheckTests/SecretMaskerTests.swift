import XCTest
@testable import CSARCheck

final class SecretMaskerTests: XCTestCase {
    func testMasksValuesAndTheirEncodedForms() {
        let masker = SecretMasker(secrets: ["p@ss word!"])
        XCTAssertEqual(masker.mask("password=p%40ss+word%21&x=1"), "password=\(SecretMasker.mask)&x=1")
        XCTAssertEqual(masker.mask("pw is p@ss word!"), "pw is \(SecretMasker.mask)")
    }

    func testSensitiveHeadersAreAlwaysMasked() {
        let masker = SecretMasker()
        XCTAssertEqual(masker.mask(HTTPHeader("Authorization", "Bearer abc")).value, SecretMasker.mask)
        XCTAssertEqual(masker.mask(HTTPHeader("Set-Cookie", "csar_session=abc; path=/; httponly")).value,
                       "csar_session=\(SecretMasker.mask); path=/; httponly")
        XCTAssertEqual(masker.mask(HTTPHeader("Content-Type", "text/html")).value, "text/html")
    }

    func testSensitiveFormFields() {
        XCTAssertEqual(Transcript.maskSensitiveFields("_token=abc&email=a%40b&password=x"),
                       "_token=\(SecretMasker.mask)&email=a%40b&password=\(SecretMasker.mask)")
    }
}
