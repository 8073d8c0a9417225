import Foundation
import XCTest

/// The inputs the fuzzer found (and the hostile inputs written by hand before it), kept in Fuzz/regressions
/// and replayed through the same entry point `scripts/fuzz.sh` fuzzes: each must give a value or an error,
/// never a crash, a hang or a memory blow-up.
final class FuzzRegressionTests: XCTestCase {
    func testEveryKeptInputIsHandled() throws {
        let regressions = RepositoryPaths.root.appendingPathComponent("Fuzz/regressions")
        let inputs = try FileManager.default.contentsOfDirectory(atPath: regressions.path)
        XCTAssertFalse(inputs.isEmpty)
        let replay = RepositoryPaths.binary.deletingLastPathComponent().appendingPathComponent("csar-check-fuzz")
        let started = Date()
        let run = try CommandLineRun.run([regressions.path], timeout: 120, executable: replay.path)
        XCTAssertEqual(run.exitCode, 0, run.output)
        XCTAssertTrue(run.stdout.contains("replayed \(inputs.count) input(s) without a crash"), run.output)
        XCTAssertLessThan(Date().timeIntervalSince(started), 60, "no input takes long")
    }
}
