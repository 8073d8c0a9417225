import XCTest

@testable import CSARCheck

final class SourceTextTests: XCTestCase {
    func testTheFirstByteThatIsNotUTF8IsNamed() {
        XCTAssertThrowsError(try SourceText.decode(Array("name: x\nurl: /caf".utf8) + [0xE9, 0x0A])) { error in
            let error = error as? SourceText.ReadError
            XCTAssertEqual(error?.line, 2)
            XCTAssertEqual(error?.column, 10)
            XCTAssertEqual(
                error?.message,
                "not UTF-8: byte 0xE9 at offset 17 (line 2, column 10) is not valid UTF-8; save the file as UTF-8")
        }
        XCTAssertThrowsError(try SourceText.decode([0xFF, 0xFE, 0x6E, 0x00]))
        XCTAssertEqual(try SourceText.decode(Array("Entrepôt ✔".utf8)), "Entrepôt ✔")
    }

    func testAByteOrderMarkIsNotPartOfTheText() throws {
        XCTAssertEqual(try SourceText.decode([0xEF, 0xBB, 0xBF] + Array("name: x\n".utf8)), "name: x\n")
        XCTAssertThrowsError(try SourceText.decode([0xEF, 0xBB, 0xBF] + Array("a\n".utf8) + [0xE9])) { error in
            XCTAssertEqual((error as? SourceText.ReadError)?.line, 2)
            XCTAssertEqual((error as? SourceText.ReadError)?.column, 1)
        }
    }

    func testColumnsCountCharactersNotBytes() {
        XCTAssertThrowsError(try SourceText.decode(Array("é€".utf8) + [0xC3, 0x28])) { error in
            XCTAssertEqual((error as? SourceText.ReadError)?.column, 3)
        }
    }

    func testAliasBombsAreRefusedBeforeAnythingWalksThem() {
        var yaml =
            "name: Bomb\nsteps:\n  - url: /\n    method: POST\n    json:\n      a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1..<7 {
            let previous = Character(UnicodeScalar(UInt8(96 + level)))
            let name = Character(UnicodeScalar(UInt8(97 + level)))
            yaml +=
                "      \(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ")
                + "]\n"
        }
        XCTAssertThrowsError(try ScenarioLoader().load(text: yaml, file: "bomb.yaml")) { error in
            XCTAssertTrue("\(error)".contains("expands to more than 100000 nodes"), "\(error)")
        }
        let modest =
            "name: Ok\nsteps:\n  - url: /\n    method: POST\n    json:\n      a: &a [x, y]\n      b: [*a, *a]\n"
        XCTAssertNoThrow(try ScenarioLoader().load(text: modest, file: "ok.yaml"))
    }

    func testLongSourceLinesAreShownAroundTheCaret() {
        let (shown, caret) = ScenarioError.excerpt(of: String(repeating: "[", count: 1000), around: 500)
        XCTAssertLessThanOrEqual(shown.count, 122)
        XCTAssertTrue(shown.hasPrefix("…") && shown.hasSuffix("…"))
        XCTAssertEqual(Array(shown)[caret], "[")
    }
}
