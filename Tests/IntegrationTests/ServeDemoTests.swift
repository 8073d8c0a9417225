import Foundation
import XCTest

/// `csar-check serve-demo` as a user tries it by hand: it says how to log in, and the runbook's own `ab`
/// (HTTP/1.0, with and without keep-alive) runs to its end against it.
final class ServeDemoTests: XCTestCase {
    func testAbRunsToItsEndAgainstServeDemoWithAndWithoutKeepAlive() throws {
        let ab = try Self.ab()
        let server = try RunningCommand(["serve-demo", "--port", "0"])
        defer {
            server.send(SIGTERM)
            _ = server.waitForExit()
        }
        XCTAssertTrue(server.waitForOutput(containing: "Try: "), server.output)
        let url = try XCTUnwrap(server.output.firstMatch(of: /http:\/\/127\.0\.0\.1:\d+/).map { String($0.0) })
        XCTAssertTrue(server.output.contains("admin@csar.sn / csar-demo-password"), server.output)
        for flags in [[], ["-k"]] {
            let run = try BoundedProcess.run(ab, flags + ["-n", "200", "-c", "5", "\(url)/"], timeout: 60)
            XCTAssertEqual(run.status, 0, run.output)
            XCTAssertTrue(run.output.contains("Complete requests:      200"), run.output)
            XCTAssertTrue(run.output.contains("Failed requests:        0"), run.output)
            if flags == ["-k"] { XCTAssertTrue(run.output.contains("Keep-Alive requests:    200"), run.output) }
        }
    }

    /// Debian's `ab` (apache2-utils, installed by scripts/install-deps.sh); the test fails without it in CI.
    static func ab() throws -> String {
        for path in ["/usr/bin/ab", "/usr/sbin/ab"] where FileManager.default.isExecutableFile(atPath: path) {
            return path
        }
        if ProcessInfo.processInfo.environment["CI"] != nil { throw LocalServerError(message: "ab is not installed") }
        throw XCTSkip("ab (apache2-utils) is not installed")
    }
}
