import Foundation
import Synchronization
import XCTest

@testable import CSARCheck

final class LoadProgressLineTests: XCTestCase {
    func testLineShowsElapsedDoneRateP95AndErrors() {
        let second = SecondBucket(
            second: 11, requests: 350, ok: 349, clientErrors: 0, serverErrors: 1, transportErrors: 0,
            p50: 8_000, p95: 12_300, p99: 20_000)
        let progress = LoadProgress(completed: 4_210, errors: 3, lastSecond: second)
        XCTAssertEqual(
            LoadProgressLine.format(progress, elapsed: 12.2, total: 50_000),
            "   12s  4210/50000  350 req/s  p95 12.3 ms  errors 3")
        XCTAssertEqual(
            LoadProgressLine.format(LoadProgress(completed: 0, errors: 0, lastSecond: nil), elapsed: 0.4, total: nil),
            "    0s  0  – req/s  p95 –  errors 0")
        XCTAssertEqual(
            LoadProgressLine.format(progress, elapsed: 30.2, total: nil, duration: 60),
            "   30s/60s  4210  350 req/s  p95 12.3 ms  errors 3")
    }

    func testNoDisplayWithoutATerminal() throws {
        let plan = LoadPlan(targets: [HTTPRequest(url: "http://127.0.0.1/")], requests: 10)
        let pipe = Pipe()
        let descriptor = pipe.fileHandleForWriting.fileDescriptor
        XCTAssertFalse(LoadProgressLine.shouldDisplay(fileDescriptor: descriptor, environment: [:]))
        let file = try XCTUnwrap(FileHandle(forWritingAtPath: "/dev/null"))
        XCTAssertFalse(
            LoadProgressLine.shouldDisplay(fileDescriptor: file.fileDescriptor, environment: ["TERM": "xterm"]))
        if isatty(STDERR_FILENO) == 0 {
            XCTAssertNil(LoadProgressLine.standardError(for: plan))
        }
        XCTAssertNil(LoadProgressLine.standardError(for: plan, environment: ["TERM": "dumb"]))
    }

    func testRedrawsInPlaceAndClears() {
        let written = WrittenText()
        let line = LoadProgressLine(total: nil) { written.append($0) }
        line.update(LoadProgress(completed: 5, errors: 0, lastSecond: nil), elapsed: 1)
        line.clear()
        let output = written.all
        XCTAssertEqual(output.count, 2)
        XCTAssertTrue(output[0].hasPrefix("\r\u{1B}[K") && !output[0].hasSuffix("\n"))
        XCTAssertEqual(output[1], "\r\u{1B}[K")
    }
}

private final class WrittenText: Sendable {
    private let texts = Mutex<[String]>([])

    func append(_ text: String) { texts.withLock { $0.append(text) } }

    var all: [String] { texts.withLock { $0 } }
}
