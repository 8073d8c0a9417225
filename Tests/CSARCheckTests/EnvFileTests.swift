import XCTest

@testable import CSARCheck

final class EnvFileTests: XCTestCase {
    func testLaravelStyleEnvFile() throws {
        let values = try EnvFile.parse(
            """
            # Application
            APP_NAME="CSAR Plateforme"
            APP_URL=https://csar.sn   # production
            export APP_ENV=production
            DB_PASSWORD='p@ss#word $x'
            MAIL_FROM="${APP_NAME} <noreply@csar.sn>"
            EMPTY=
            ESCAPED="line1\\nline2 \\"quoted\\""
            MULTI="first
            second"
            HASH=abc#def
            """)
        XCTAssertEqual(values["APP_NAME"], "CSAR Plateforme")
        XCTAssertEqual(values["APP_URL"], "https://csar.sn")
        XCTAssertEqual(values["APP_ENV"], "production")
        XCTAssertEqual(values["DB_PASSWORD"], "p@ss#word $x")
        XCTAssertEqual(values["MAIL_FROM"], "CSAR Plateforme <noreply@csar.sn>")
        XCTAssertEqual(values["EMPTY"], "")
        XCTAssertEqual(values["ESCAPED"], "line1\nline2 \"quoted\"")
        XCTAssertEqual(values["MULTI"], "first\nsecond")
        XCTAssertEqual(values["HASH"], "abc#def")
    }

    func testErrorsNameTheLine() {
        XCTAssertThrowsError(try EnvFile.parse("A=1\nNOT A LINE\n", file: ".env.production")) { error in
            XCTAssertEqual((error as? EnvFile.SyntaxError)?.line, 2)
            XCTAssertTrue("\(error)".hasPrefix(".env.production:2: error:"))
        }
        XCTAssertThrowsError(try EnvFile.parse("A='open\n"))
    }
}
