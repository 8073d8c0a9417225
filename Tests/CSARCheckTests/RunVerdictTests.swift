import Foundation
import XCTest

@testable import CSARCheck

final class RunVerdictTests: XCTestCase {
    func testOneDecisionInOneOrder() {
        typealias Facts = RunVerdict.Facts
        XCTAssertEqual(RunVerdict.decide(Facts()), .passed)
        XCTAssertEqual(RunVerdict.decide(Facts(failed: true)), .failed)
        XCTAssertEqual(RunVerdict.decide(Facts(unreachable: true, failed: true)), .unreachable)
        XCTAssertEqual(RunVerdict.decide(Facts(interrupted: true, unreachable: true, failed: true)), .interrupted)
        XCTAssertEqual(RunVerdict.decide(Facts(configurationError: true, interrupted: true)), .configurationError)
        XCTAssertEqual(RunVerdict.decide(Facts(reportsNotWritten: true)), .configurationError)
        XCTAssertEqual(RunVerdict.decide(Facts(failed: true, reportsNotWritten: true)), .failed)
        XCTAssertEqual(RunVerdict.interrupted.rawValue, 130)
    }

    func testUnreachableOnlyWhenNothingAnsweredAnywhere() {
        let refused = TransportError(url: "http://127.0.0.1:1/", phase: .connect, code: 7, message: "refused")
        let timedOut = TransportError(url: "http://127.0.0.1:1/", phase: .timeout, code: 28, message: "slow")
        let unreachableLoad = LoadFixtures.result(latencies: [], failures: 5)
        XCTAssertTrue(RunVerdict.isUnreachable(steps: [], loads: [unreachableLoad]), "a load-only file")
        XCTAssertTrue(RunVerdict.isUnreachable(steps: [step(error: refused)], loads: []))
        XCTAssertFalse(RunVerdict.isUnreachable(steps: [step(error: timedOut)], loads: []), "it connected")
        XCTAssertFalse(RunVerdict.isUnreachable(steps: [], loads: []), "nothing ran")
        let answered = LoadFixtures.result(latencies: [900, 950, 1000], failures: 5)
        XCTAssertFalse(RunVerdict.isUnreachable(steps: [], loads: [answered]))
    }

    private func step(error: TransportError) -> StepResult {
        StepResult(
            name: "s", location: SourceLocation(file: "f", line: 1, column: 1), outcome: .error, transportError: error,
            assertions: [], captures: [], captureFailures: [], attempts: 1, startedAt: Date())
    }
}
