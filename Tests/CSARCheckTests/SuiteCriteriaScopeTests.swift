import Foundation
import XCTest

@testable import CSARCheck

/// Which requests each criterion judges when suites with criteria of their own share a run with other files.
final class SuiteCriteriaScopeTests: XCTestCase {
    private let scenarios = [
        "name: a\nsteps: [{ name: a1, url: /a }]", "name: b\nsteps: [{ name: b1, url: /b }]",
        "name: c\nload: { url: /, requests: 10 }",
    ]

    private func step(_ name: String, status: Int) -> StepResult {
        StepResult(
            name: name, location: SourceLocation(file: "\(name).yaml", line: 1, column: 1), outcome: .passed,
            request: RequestRecord(method: "GET", url: "https://csar.sn/\(name)", headers: [], bodyExcerpt: nil),
            response: ResponseRecord(
                status: status, httpVersion: "1.1", headers: [], bodyExcerpt: "", bodySize: 0, timings: .init(),
                effectiveURL: "https://csar.sn/\(name)"),
            assertions: [], captures: [], captureFailures: [], attempts: 1, startedAt: Date())
    }

    /// `a` and `b` answer one step each (`b` a 500), `c` is a load of 10 requests; `suites` scope them.
    private func criteria(run: [String], suites: [SuiteScope]) throws -> [String] {
        let loaded = try scenarios.enumerated().map { try ScenarioLoader().load(text: $1, file: "\($0).yaml") }
        let load = LoadFixtures.result(latencies: Array(repeating: 1_000, count: 10))
        let results = [("a", 200), ("b", 500), ("c", nil)].map { name, status in
            var result = ScenarioResult(
                name: name, file: "\(name).yaml", baseURL: "https://csar.sn", steps: [], startedAt: Date(), duration: 0)
            if let status { result.steps = [step("\(name)1", status: status)] } else { result.load = load }
            return result
        }
        let builder = RunReportBuilder(
            command: "run", target: "https://csar.sn", startedAt: Date(),
            runCriteria: try run.map { try Criterion(parsing: $0) }, suites: suites)
        let report = builder.report(
            scenarios: loaded, results: results, loads: [.init(name: "c", result: load, scenario: 2)])
        return report.criteria.map { "\($0.scope) / \($0.expression): \($0.measuredText)" }
    }

    private func suite(_ name: String, _ criteria: [String], files: Range<Int>) throws -> SuiteScope {
        SuiteScope(name: name, criteria: try criteria.map { try Criterion(parsing: $0) }, files: files)
    }

    func testWithoutSuiteCriteriaTheRunWideCriteriaJudgeEverything() throws {
        let suites = [try suite("ab", [], files: 0..<2)]
        XCTAssertEqual(try criteria(run: ["requests == 12"], suites: suites), ["run / requests == 12: requests = 12"])
    }

    func testASuitesCriteriaJudgeItsFilesAndTheRunWideOnesTheRest() throws {
        let suites = [try suite("ab", ["requests == 2", "http_5xx <= 1"], files: 0..<2)]
        XCTAssertEqual(
            try criteria(run: ["requests == 10", "http_5xx == 0"], suites: suites),
            [
                "run except suite: ab / requests == 10: requests = 10",
                "run except suite: ab / http_5xx == 0: http_5xx = 0",
                "suite: ab / requests == 2: requests = 2", "suite: ab / http_5xx <= 1: http_5xx = 1",
            ])
    }

    func testEachSuiteJudgesItsOwnFiles() throws {
        let suites = [
            try suite("a", ["requests == 1"], files: 0..<1), try suite("bc", ["requests == 11"], files: 1..<3),
        ]
        XCTAssertEqual(
            try criteria(run: ["requests > 0"], suites: suites),
            ["suite: a / requests == 1: requests = 1", "suite: bc / requests == 11: requests = 11"],
            "every file is a suite's: the run-wide criteria would judge nothing")
        let twoOfThree = [
            try suite("a", ["requests == 1"], files: 0..<1), try suite("b", ["requests == 1"], files: 1..<2),
        ]
        XCTAssertEqual(
            try criteria(run: ["requests == 10"], suites: twoOfThree).first,
            "run except suites: a, b / requests == 10: requests = 10")
    }
}
