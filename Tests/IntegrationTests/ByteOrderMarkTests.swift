import Foundation
import XCTest

/// Files saved with a UTF-8 byte order mark (as editors on Windows save them) read as their text: the mark is
/// not a character of line 1, and errors keep their line and column.
final class ByteOrderMarkTests: XCTestCase {
    private static let mark: [UInt8] = [0xEF, 0xBB, 0xBF]

    private func write(_ text: String, named name: String, in folder: URL) throws -> URL {
        let file = folder.appendingPathComponent(name)
        try Data(Self.mark + Array(text.utf8)).write(to: file)
        return file
    }

    func testAScenarioWithAByteOrderMarkRunsAndItsErrorsKeepTheirPlace() async throws {
        let folder = try TemporaryFolder.make()
        let good = try write("name: Saved on Windows\nsteps:\n  - url: /\n", named: "bom.yaml", in: folder)
        let validate = try CommandLineRun.run(["validate", good.path])
        XCTAssertEqual(validate.exitCode, 0, validate.output)
        XCTAssertTrue(validate.stdout.contains("bom.yaml: Saved on Windows, 1 step(s)"), validate.stdout)
        try await DemoSiteFixture.with { demo in
            let run = try CommandLineRun.run(["run", good.path, "--base-url", demo.baseURL, "--no-reports"])
            XCTAssertEqual(run.exitCode, 0, run.output)
        }
        let typo = try write(
            "name: Typo\nsteps:\n  - url: /\n    expect:\n      staus: 200\n", named: "typo.yaml", in: folder)
        let refused = try CommandLineRun.run(["validate", typo.path])
        XCTAssertEqual(refused.exitCode, 2, refused.output)
        XCTAssertTrue(
            refused.stderr.contains("typo.yaml:5:7: error: steps[0].expect.staus: unknown key"), refused.stderr)
    }

    func testAnEnvFileWithAByteOrderMarkReadsItsFirstKey() async throws {
        try await DemoSiteFixture.with { demo in
            let folder = try TemporaryFolder.make()
            let envFile = try write("APP_URL=\(demo.baseURL)\nAPP_NAME=CSAR\n", named: ".env", in: folder)
            let run = try CommandLineRun.run(["smoke", "--env-file", envFile.path, "--no-reports"])
            XCTAssertEqual(run.exitCode, 0, run.output)
            XCTAssertTrue(run.stdout.contains(demo.baseURL), run.stdout)
        }
    }
}
