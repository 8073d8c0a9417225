import Foundation
import XCTest

/// Issue 19: bodies that are bigger, deeper or older than a page should be: decompression bombs, ten thousand
/// forms, five thousand nested elements, pages in ISO-8859-1 and windows-1252. The built binary against the
/// hostile server (`Tests/hostile-server`).
final class HostileBodyTests: HostileServerTestCase {
    private func run(_ yaml: String, _ flags: [String] = []) throws -> CommandLineRun {
        try CommandLineRun.run(["run", try scenario(yaml), "--base-url", server.baseURL] + flags, timeout: 120)
    }

    private func bomb(_ path: String, expect: String) -> String {
        "name: Bomb\nsteps:\n  - name: Bomb\n    url: \(path)\n    compressed: true\n    expect: \(expect)\n"
    }

    /// The step as the JSON report has it: outcome and total time.
    private func reportedStep() throws -> (outcome: String, total: Double, notes: [String]) {
        let data = try Data(contentsOf: folder.appendingPathComponent("reports/report.json"))
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let scenario = try XCTUnwrap((report["scenarios"] as? [[String: Any]])?.first)
        let step = try XCTUnwrap((scenario["steps"] as? [[String: Any]])?.first)
        let total = try XCTUnwrap((step["timings"] as? [String: Any])?["total"] as? Double)
        return (step["outcome"] as? String ?? "", total, scenario["notes"] as? [String] ?? [])
    }

    func testADecompressionBombStopsAtTheCapAndEveryBodyCheckSaysSo() throws {
        // The server builds its 1 GiB gzip once (a CRC over 1 GiB); fetched raw first, that is not the client's time.
        let warmUp = try CommandLineRun.run(
            ["load", server.url("/bomb/gzip?gib=1"), "-n", "1", "--no-reports"], timeout: 60)
        XCTAssertEqual(warmUp.exitCode, 0, warmUp.output)
        let passing = try run(
            bomb("\"/bomb/gzip?gib=1\"", expect: "{ status: 200, body: { not_contains: CSAR } }"),
            ["--timeout", "2", "--reports", folder.appendingPathComponent("reports").path])
        XCTAssertEqual(passing.exitCode, 0, passing.output)
        let note = "step 'Bomb': body cut at 4 MB after decoding gzip"
        XCTAssertTrue(passing.stdout.contains(note), "a passing check on a cut body says so:\n\(passing.stdout)")
        let step = try reportedStep()
        XCTAssertEqual(step.outcome, "passed")
        XCTAssertTrue(step.notes.contains { $0.hasPrefix(note) }, "\(step.notes)")
        XCTAssertLessThan(step.total, 1, "decoding stops at the cap: 1 GiB is never decoded (was 5.8 s)")

        let failing = try run(bomb("\"/bomb/zstd?gib=4\"", expect: "{ body: { contains: CSAR } }"), ["--no-reports"])
        XCTAssertEqual(failing.exitCode, 1, failing.output)
        XCTAssertTrue(
            failing.stdout.contains("(body cut at 4 MB after decoding zstd ("),
            "the failure says the check read only part of the body:\n\(failing.stdout)")

        let headerOnly = try run(bomb("\"/bomb/zstd?gib=4\"", expect: "{ status: 200 }"), ["--no-reports"])
        XCTAssertEqual(headerOnly.exitCode, 0, headerOnly.output)
        XCTAssertFalse(headerOnly.stdout.contains("body cut"), "no check read the body:\n\(headerOnly.stdout)")
    }

    func testADecompressionBombKeepsMemoryFlat() throws {
        let file = try scenario(bomb("\"/bomb/zstd?gib=4\"", expect: "{ status: 200 }"))
        let measured = try PeakMemory.run(["run", file, "--base-url", server.baseURL, "--no-reports"])
        XCTAssertEqual(measured.exitCode, 0, measured.output)
        XCTAssertLessThan(measured.peakMegabytes, 90, "4 GiB decoded into a 4 MB cap")
    }

    func testALoadAsksForCompressionButNeverDecodesTheBomb() throws {
        let url = server.url("/bomb/gzip?gib=1")
        let warmUp = try CommandLineRun.run(["load", url, "-n", "1", "--no-reports"], timeout: 60)
        XCTAssertEqual(warmUp.exitCode, 0, warmUp.output)
        let load = try CommandLineRun.run(
            ["load", url, "-n", "2", "--compressed", "--timeout", "5", "--no-reports"], timeout: 60)
        XCTAssertEqual(load.exitCode, 0, load.output)
        XCTAssertTrue(
            load.stdout.contains("HTML transferred:       2123816 bytes"), "counted as received:\n\(load.stdout)")
        let taken = try XCTUnwrap(load.stdout.split(separator: "\n").first { $0.hasPrefix("Time taken for tests:") })
        let seconds = try XCTUnwrap(Double(taken.split(separator: " ").dropLast().last ?? ""))
        XCTAssertLessThan(seconds, 1, "no 1 GiB decoded per request, counted as latency (was 2.4 s a request)")
    }

    func testLatin1AndWindows1252BodiesAreDecodedBeforeTextChecks() throws {
        let yaml = """
            name: Charsets
            steps:
              - name: Content-Type charset
                url: /latin1
                expect:
                  body: { contains: "Entrepôt de Thiès, reçu à 10 h", matches: "Thi.s, re.u" }
                  xpath: [{ path: "string(//p)", equals: "Entrepôt de Thiès, reçu à 10 h" }]
              - name: meta charset
                url: /cp1252-meta
                expect:
                  body: { contains: "Entrepôt de Thiès — coût 5 €" }
                  xpath: [{ path: "string(//p)", equals: "Entrepôt de Thiès — coût 5 €" }]
            """
        let run = try run(yaml, ["--no-reports"])
        XCTAssertEqual(run.exitCode, 0, run.output)
    }

    func testChoosingOneFormAmongTenThousandTakesLinearTime() throws {
        for count in [2000, 10000] {
            let yaml = """
                name: Forms
                steps:
                  - { name: page, url: "/forms?count=\(count)" }
                  - name: last form by index
                    submit_form: { index: \(count - 1), fields: { objet: test } }
                    expect: { status: 200 }
                """
            let started = Date()
            let run = try run(yaml, ["--no-reports"])
            let seconds = Date().timeIntervalSince(started)
            XCTAssertEqual(run.exitCode, 0, run.output)
            // Before: 33 s for 2,000 forms (quadratic), 10,000 killed at 60 s.
            XCTAssertLessThan(seconds, count == 2000 ? 5 : 15, "\(count) forms: \(seconds) s")
            print("\(count) forms, submit_form index \(count - 1): \(String(format: "%.2f", seconds)) s")
        }
    }

    func testAFormNestedFiveThousandLevelsDeepIsFound() throws {
        let yaml = """
            name: Deep
            steps:
              - { name: page, url: "/deep?depth=5000", expect: { xpath: [{ path: "//form/@id", equals: deep }] } }
              - name: deep form
                submit_form: { fields: { nom: trouvé } }
                expect: { status: 200 }
            """
        let run = try run(yaml, ["--no-reports"])
        XCTAssertEqual(run.exitCode, 0, run.output)
        XCTAssertFalse(run.output.contains("has no form"), run.output)
        let sent = try server.receivedRequests().filter { $0.line.hasPrefix("POST /ok") }
        XCTAssertEqual(sent.count, 1)
    }
}
