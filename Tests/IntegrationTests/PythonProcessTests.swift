import Foundation
import XCTest

/// The one way the tests start their python3 servers: a server that does not start says why, within its
/// wait, and every server ends when the test stops it.
final class PythonProcessTests: XCTestCase {
    func testTheFirstLineIsReadAndStopEndsTheProgram() throws {
        let program = try PythonProcess(
            ["-c", "import sys; print('ready 1', flush=True); sys.stdin.read()"], name: "the echo program")
        XCTAssertEqual(program.firstLine, "ready 1")
        let started = Date()
        program.stop()
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "ended when its standard input closed")
    }

    func testAProgramThatDiesBeforeItsFirstLineSaysWhy() {
        XCTAssertThrowsError(
            try PythonProcess(["-c", "raise SystemExit('no port for you')"], name: "the doomed server")
        ) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains("the doomed server did not start: it ended without printing"), message)
            XCTAssertTrue(message.contains("no port for you"), "its standard error is quoted: \(message)")
        }
    }

    func testAProgramThatPrintsNothingFailsWithinItsWait() {
        let started = Date()
        XCTAssertThrowsError(
            try PythonProcess(["-c", "import time; time.sleep(60)"], wait: 1, name: "the silent server")
        ) { error in
            XCTAssertTrue("\(error)".contains("the silent server did not start: it printed nothing within 1 s"))
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 10, "killed, not waited for")
    }

    func testAProgramThatIgnoresItsStandardInputIsKilledAfterTheGrace() throws {
        let program = try PythonProcess(
            ["-c", "import time; print('up', flush=True); time.sleep(60)"], name: "the stubborn program")
        let started = Date()
        program.stop(grace: 0.5)
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
    }
}
