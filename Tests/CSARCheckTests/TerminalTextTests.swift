import XCTest

@testable import CSARCheck

final class TerminalTextTests: XCTestCase {
    func testControlsAreShownNotObeyed() {
        XCTAssertEqual("a\u{1B}[2Jb".terminalSafe, "a\\x1B[2Jb")
        XCTAssertEqual("\u{1B}]0;title\u{07}".terminalSafe, "\\x1B]0;title\\x07")
        XCTAssertEqual("x\u{9B}31m\u{202E}y\u{7F}".terminalSafe, "x\\x9B31m\\u{202E}y\\x7F")
        XCTAssertEqual("\r".terminalSafe, "\\x0D")
    }

    func testOrdinaryTextIsUntouched() {
        let text = "✔ Entrepôt de Dakar\tp95 1.2 ms"
        XCTAssertEqual(text.terminalSafe, text)
        XCTAssertEqual("a\nb".terminalSafeKeepingLines, "a\nb")
    }

    func testAValueStaysOnItsLine() {
        XCTAssertEqual("ok\n✔ PASSED".terminalSafe, "ok\\n✔ PASSED")
        XCTAssertEqual("a\r\nb\u{1B}".terminalSafeKeepingLines, "a\\x0D\nb\\x1B")
    }
}
