import CSARHistory
import Foundation
import XCTest

/// Real runs recorded against a loopback server whose delay the test sets (the demo site's latency
/// fault), then `csar-check trend` as a nightly job would call it.
final class TrendEndToEndTests: XCTestCase {
    /// Records `count` load runs of the demo's home page, each a separate `csar-check load` process.
    private func record(_ count: Int, into history: String, demo: DemoSiteFixture, label: String) throws {
        for _ in 0..<count {
            let run = try CommandLineRun.run(
                [
                    "load", demo.baseURL + "/", "-n", "40", "-c", "4", "-k", "--history", history, "--label", label,
                    "--no-reports",
                ], timeout: 60)
            XCTAssertEqual(run.exitCode, 0, run.output)
        }
    }

    func testAShiftedDelayIsARegressionNamingTheMetricAndTheRunItStarted() async throws {
        try await DemoSiteFixture.with(faults: ["latency:/=40"]) { demo in
            let folder = try TemporaryFolder.make()
            let history = folder.appendingPathComponent("nightly.sqlite").path
            try record(12, into: history, demo: demo, label: "delay=40")
            try demo.site.faults.apply(spec: "latency:/=120")
            try record(5, into: history, demo: demo, label: "delay=120")

            let reports = folder.appendingPathComponent("reports")
            let trend = try CommandLineRun.run(["trend", history, "--reports", reports.path], timeout: 120)
            XCTAssertEqual(trend.exitCode, 1, trend.output)
            XCTAssertTrue(trend.stdout.contains("✘ REGRESSION"), trend.stdout)
            XCTAssertTrue(trend.stdout.contains("p50 regressed +"), trend.stdout)
            XCTAssertTrue(trend.stdout.contains("since run #13"), trend.stdout)
            XCTAssertTrue(trend.stdout.contains("[change point]"), trend.stdout)

            let json = try JSONSerialization.jsonObject(
                with: Data(contentsOf: reports.appendingPathComponent("trend.json")))
            let verdict = try XCTUnwrap((json as? [String: Any])?["verdict"] as? [String: Any])
            XCTAssertEqual(verdict["status"] as? String, "regression")
            let regressions = try XCTUnwrap(verdict["regressions"] as? [[String: Any]])
            let p50 = try XCTUnwrap(regressions.first { $0["metric"] as? String == "p50" })
            XCTAssertEqual(p50["startedAtRun"] as? Int, 13)
            XCTAssertEqual(p50["rule"] as? String, "change point")
            XCTAssertGreaterThan(try XCTUnwrap(p50["after"] as? Double) / (try XCTUnwrap(p50["before"] as? Double)), 2)

            let junit = reports.appendingPathComponent("trend-junit.xml").path
            let validation = try Validators.xmllint(junit)
            XCTAssertTrue(validation.ok, validation.output)
            let xml = try String(contentsOfFile: junit, encoding: .utf8)
            XCTAssertTrue(xml.contains("<failure type=\"regression\""), xml)
            let html = try String(contentsOf: reports.appendingPathComponent("trend.html"), encoding: .utf8)
            XCTAssertTrue(html.contains("class=\"chart trend\""))
            XCTAssertTrue(html.contains("#13 p="), "the change point is marked on the charts")

            // Accepting the new level: with the baseline moved to the first slow run, nothing regressed.
            let accepted = try CommandLineRun.run(["trend", history, "--baseline", "13", "--no-reports"], timeout: 60)
            XCTAssertEqual(accepted.exitCode, 0, accepted.output)
        }
    }

    func testAHistoryWithoutAShiftIsNoRegression() async throws {
        try await DemoSiteFixture.with(faults: ["latency:/=40"]) { demo in
            let history = try TemporaryFolder.make().appendingPathComponent("steady.sqlite").path
            try record(14, into: history, demo: demo, label: "delay=40")
            // The machine is shared: other builds slow a few runs in a row, which is a real change of what
            // was measured. Generous tolerances keep this test about the method, not about the neighbours.
            let generous = ["p50=60%", "p95=60%", "p99=100%", "max=300%", "rps=40%"].flatMap { ["--tolerance", $0] }
            let trend = try CommandLineRun.run(["trend", history, "--no-reports"] + generous, timeout: 120)
            XCTAssertEqual(trend.exitCode, 0, trend.output)
            XCTAssertTrue(trend.stdout.contains("✔ NO REGRESSION — 7 series over 14 run(s)"), trend.stdout)
        }
    }

    func testHistoryCommandsListShowExportAndPrune() async throws {
        try await DemoSiteFixture.with { demo in
            let folder = try TemporaryFolder.make()
            let history = folder.appendingPathComponent("h.sqlite").path
            try record(3, into: history, demo: demo, label: "release=2.3")

            let list = try CommandLineRun.run(["history", "list", history])
            XCTAssertEqual(list.exitCode, 0, list.output)
            XCTAssertTrue(list.stdout.contains("3 run(s)"), list.stdout)
            XCTAssertTrue(list.stdout.contains("#3 "), list.stdout)
            XCTAssertTrue(list.stdout.contains("release=2.3"), list.stdout)

            let show = try CommandLineRun.run(["history", "show", history, "latest"])
            XCTAssertEqual(show.exitCode, 0, show.output)
            XCTAssertTrue(show.stdout.contains("Run #3"), show.stdout)
            XCTAssertTrue(show.stdout.contains("latency (from the recorded histogram, 40 responses)"), show.stdout)
            XCTAssertTrue(show.stdout.contains("p99.99"), show.stdout)

            let csv = try CommandLineRun.run(["history", "export", history, "--csv"])
            XCTAssertEqual(csv.exitCode, 0, csv.output)
            let lines = csv.stdout.split(separator: "\r\n")
            XCTAssertEqual(lines.first, "time,run,command,target,exit_code,comparable,labels,subject,metric,value,unit")
            XCTAssertEqual(lines.count, 1 + 3 * 7, "one row per run and metric")
            XCTAssertTrue(lines[1].hasSuffix(",p50," + lines[1].split(separator: ",")[9] + ",ms"), String(lines[1]))
            let otava = try CommandLineRun.run([
                "history", "export", history, "--csv", "--otava", "-o", folder.appendingPathComponent("otava.csv").path,
            ])
            XCTAssertEqual(otava.exitCode, 0, otava.output)
            let wide = try String(contentsOf: folder.appendingPathComponent("otava.csv"), encoding: .utf8).split(
                separator: "\r\n")
            XCTAssertEqual(wide.count, 4, "a header and one row per run")
            XCTAssertTrue(wide[0].hasPrefix("time,run,release,"), String(wide[0]))

            let prune = try CommandLineRun.run(["history", "prune", history, "--keep", "1"])
            XCTAssertEqual(prune.exitCode, 0, prune.output)
            XCTAssertTrue(prune.stdout.contains("2 run(s) deleted"), prune.stdout)
            XCTAssertEqual(try HistoryStore(path: history, create: false).runs(.summary).map(\.id), [3])

            for arguments in [
                ["history", "show", history, "99"], ["history", "show", history, "x"],
                ["history", "list", folder.path + "/none"],
                ["history", "export", history], ["trend", history, "--baseline", "1", "--last", "5"],
                ["trend", history, "--tolerance", "p97=10%"],
                ["trend", history, "--reports", "/proc/csar-check-reports"],
            ] {
                XCTAssertEqual(try CommandLineRun.run(arguments).exitCode, 2, "\(arguments)")
            }
        }
    }
}
