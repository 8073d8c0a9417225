import Foundation
import XCTest

/// csar-check against a server that misbehaves on purpose (`Tests/hostile-server`): the binary as users run
/// it, one test per kind of misbehaviour. (docs/errors.md's table runs the same server for the messages and
/// exit codes.)
final class HostileServerTests: HostileServerTestCase {
    private func run(_ yaml: String, _ flags: [String] = []) throws -> CommandLineRun {
        try CommandLineRun.run(
            ["run", try scenario(yaml), "--base-url", server.baseURL, "--no-reports"] + flags, timeout: 60)
    }

    func testAFiftyMegabyteBodyIsCountedNotKept() throws {
        let yaml = "name: Big\nsteps:\n  - name: Big body\n    url: /big\n    expect: { body_size: { gt: 52000000 } }\n"
        let measured = try PeakMemory.run(["run", try scenario(yaml), "--base-url", server.baseURL, "--no-reports"])
        XCTAssertEqual(measured.exitCode, 0, measured.output)
        XCTAssertLessThan(measured.peakMegabytes, 90, "the 50 MB body is capped at 4 MB, not kept whole")
        let load = try PeakMemory.run(["load", server.url("/big"), "-n", "4", "-c", "2", "-k", "--no-reports"])
        XCTAssertTrue(load.output.contains("HTML transferred:       209715200 bytes"), load.output)
        XCTAssertLessThan(load.peakMegabytes, 90, "load runs count bodies, never keep them")
    }

    func testTimeoutsEndTheRunAndTimeTakenCountsThem() throws {
        let started = Date()
        let load = try CommandLineRun.run(
            ["load", server.url("/hang"), "-n", "3", "-c", "3", "--timeout", "1", "--no-reports"], timeout: 30)
        XCTAssertLessThan(Date().timeIntervalSince(started), 15, "bounded by the timeout")
        XCTAssertEqual(load.exitCode, 1, load.output)
        XCTAssertTrue(load.stdout.contains("waiting (timeout): 3"), load.stdout)
        let taken = try XCTUnwrap(load.stdout.split(separator: "\n").first { $0.hasPrefix("Time taken for tests:") })
        let seconds = try XCTUnwrap(Double(taken.split(separator: " ").dropLast().last ?? ""))
        XCTAssertGreaterThanOrEqual(seconds, 0.9, "a run of 1 s timeouts took about a second: \(taken)")
    }

    func testADripFeedIsCutAtTheTimeout() throws {
        let started = Date()
        let run = try run("name: Drip\nsteps:\n  - name: Drip\n    url: /drip\n", ["--timeout", "2"])
        XCTAssertLessThan(Date().timeIntervalSince(started), 15)
        XCTAssertEqual(run.exitCode, 1, run.output)
        XCTAssertTrue(run.stdout.contains("failed during waiting (timeout)"), run.stdout)
    }

    func testBrokenAnswersAreReportedWhileReceivingNotAsURLErrors() throws {
        for path in ["/garbage", "/bad-status", "/reset-mid-body", "/broken-chunked"] {
            let run = try run("name: Broken\nsteps:\n  - name: Broken\n    url: \(path)\n")
            XCTAssertEqual(run.exitCode, 1, "\(path): \(run.output)")
            XCTAssertTrue(run.stdout.contains("failed during receiving the response"), "\(path): \(run.stdout)")
            XCTAssertFalse(run.output.contains("URL parsing"), run.output)
        }
        let load = try CommandLineRun.run(["load", server.url("/garbage"), "-n", "4", "--no-reports"], timeout: 30)
        XCTAssertEqual(load.exitCode, 1, load.output)
        XCTAssertTrue(load.stdout.contains("(receiving the response: 4)"), load.stdout)
    }

    func testAStatusOf999IsCountedAs999() throws {
        let load = try CommandLineRun.run(
            ["load", server.url("/status-999"), "-n", "5", "-k", "--no-reports"], timeout: 30)
        XCTAssertTrue(load.stdout.contains("  999                   5"), load.stdout)
        let run = try run("name: Odd\nsteps:\n  - name: Odd\n    url: /status-999\n    expect: { status: 200 }\n")
        XCTAssertTrue(run.stdout.contains("actual   status 999"), run.stdout)
    }

    func testCompressedBodiesAreAskedForAndDecoded() throws {
        for encoding in ["gzip", "br", "zstd"] {
            let yaml = """
                name: Compressed
                steps:
                  - name: \(encoding)
                    url: /encoded/\(encoding)
                    compressed: true
                    expect:
                      jsonpath: [{ path: "$.data[0].name", equals: "Entrepôt de Dakar" }]
                """
            let run = try run(yaml)
            XCTAssertEqual(run.exitCode, 0, "\(encoding): \(run.output)")
        }
        let plain = try run(
            "name: Raw\nsteps:\n  - name: gzip\n    url: /encoded/gzip\n    expect: { body: { contains: Dakar } }\n")
        XCTAssertEqual(plain.exitCode, 1, "without compressed: true the check sees the gzip bytes:\n\(plain.output)")
        let load = try CommandLineRun.run(
            ["load", server.url("/encoded/br"), "-n", "3", "--compressed", "--no-reports"], timeout: 30)
        XCTAssertEqual(load.exitCode, 0, load.output)
        let received = try server.receivedRequests().filter { $0.line.contains("/encoded/") }
        let asking = received.filter { $0.headers.contains { $0.lowercased().hasPrefix("accept-encoding:") } }
        XCTAssertEqual(received.count, 3 + 1 + 3)
        XCTAssertEqual(asking.count, 3 + 3, "every compressed request asked for an encoding, the plain one did not")
    }

    func testNonUTF8AndInvalidJSONBodiesGiveAVerdictNotACrash() throws {
        let yaml = """
            name: Hostile bodies
            steps:
              - name: Latin-1 page
                url: /non-utf8
                expect:
                  body: { contains: Entrep }
                  xpath: [{ path: "//h1", exists: true }]
              - name: Cut JSON
                url: /invalid-json
                expect:
                  jsonpath: [{ path: "$.data", exists: true }]
            """
        let run = try run(yaml)
        XCTAssertEqual(run.exitCode, 1, run.output)
        XCTAssertTrue(run.stdout.contains("✔ Latin-1 page"), run.stdout)
        XCTAssertTrue(run.stdout.contains("✘ Cut JSON"), run.stdout)
        XCTAssertTrue(run.stdout.contains("the body is not valid JSON"), run.stdout)
    }

    func testAServerThatClosesAfterEachResponseIsReconnectedTo() throws {
        let load = try CommandLineRun.run(
            ["load", server.url("/close-after-response"), "-n", "40", "-c", "2", "--no-reports"], timeout: 30)
        XCTAssertEqual(load.exitCode, 0, load.output)
        XCTAssertTrue(load.stdout.contains("Complete requests:      40"), load.stdout)
        XCTAssertTrue(load.stdout.contains("Failed requests:        0"), load.stdout)
        // With keep-alive, libcurl may reuse a connection the server has just closed; every request is
        // still accounted for, and the run ends (retries of dead keep-alive connections: issue 10).
        let keepAlive = try CommandLineRun.run(
            ["load", server.url("/close-after-response"), "-n", "40", "-c", "2", "-k", "--no-reports"], timeout: 30)
        XCTAssertTrue([0, 1].contains(keepAlive.exitCode), keepAlive.output)
        XCTAssertTrue(keepAlive.stdout.contains("Complete requests:      40"), keepAlive.stdout)
        let steps = (1...3).map { "  - name: Visit \($0)\n    url: /close-after-response\n" }.joined()
        XCTAssertEqual(try run("name: Closing\nsteps:\n" + steps).exitCode, 0)
    }

    func testEscapeSequencesFromTheServerNeverReachTheTerminal() throws {
        let run = try run("name: Escapes\nsteps:\n  - name: Escapes\n    url: /escape\n    expect: { status: 200 }\n")
        XCTAssertEqual(run.exitCode, 1, run.output)
        let bytes = Array((run.stdout + run.stderr).utf8)
        XCTAssertFalse(bytes.contains(0x1B), "no raw ESC byte in:\n\(run.output)")
        XCTAssertFalse(run.output.unicodeScalars.contains { (0x80...0x9F).contains($0.value) || $0.value == 0x202E })
        XCTAssertTrue(run.stdout.contains("\\x1B]0;pwned\\x07"), run.stdout)
        let load = try CommandLineRun.run(["load", server.url("/escape"), "-n", "2", "--no-reports"], timeout: 30)
        XCTAssertTrue(load.stdout.contains("Server Software:        evil\\x1B[2Jserver"), load.stdout)
        XCTAssertFalse(Array(load.output.utf8).contains(0x1B), load.output)
    }

    func testInjectedHeadersAndFileURLsAreNeverSent() throws {
        let yaml = """
            name: Injection
            steps:
              - name: Injected header
                url: /ok
                headers: { X-Trace: "{{ trace }}" }
              - name: Local file
                url: "{{ target }}"
              - name: Redirect to a file
                url: /redirect-file
                follow_redirects: true
            """
        let run = try run(yaml, ["--var", "trace=a\r\nX-Injected: 1", "--var", "target=file:///etc/passwd"])
        XCTAssertEqual(run.exitCode, 1, run.output)
        XCTAssertTrue(run.stdout.contains("failed during preparing the request"), run.stdout)
        XCTAssertFalse(run.output.contains("root:x:0:0"), "no local file was read")
        let received = try server.receivedRequests()
        XCTAssertFalse(
            received.contains { $0.headers.contains { $0.lowercased().hasPrefix("x-injected") } }, "\(received)")
        XCTAssertEqual(
            received.filter { $0.line.hasPrefix("GET /ok ") }.count, 0, "the injected request was never sent")
        XCTAssertEqual(received.filter { $0.line.hasPrefix("GET /redirect-file ") }.count, 1)
    }
}
