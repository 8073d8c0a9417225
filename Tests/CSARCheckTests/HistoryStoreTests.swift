import CSARHistory
import Foundation
import GRDB
import XCTest

@testable import CSARCheck

/// The history file: what a recorded run keeps and reads back, pruning, and the files it refuses.
final class HistoryStoreTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("csar-history-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func path(_ name: String = "history.sqlite") -> String {
        folder.appendingPathComponent(name).path
    }

    func testARecordedRunReadsBackWithEverythingItHeld() throws {
        let store = try HistoryStore(path: path("nested/folder/history.sqlite"), create: true)
        let gate = try HTMLReportFixtures.failing()
        let load = try HTMLReportFixtures.load(seconds: 5)
        let gateId = try store.record(
            gate, labels: [RunLabel(key: "release", value: "2.3"), RunLabel(key: "commit", value: "abc")])
        let loadId = try store.record(load, command: "nightly")
        XCTAssertLessThan(gateId, loadId)

        let runs = try store.runs()
        XCTAssertEqual(runs.map(\.id), [gateId, loadId])
        let first = runs[0]
        XCTAssertEqual(first.command, "gate")
        XCTAssertEqual(first.target, gate.target)
        XCTAssertEqual(first.tool, gate.tool)
        XCTAssertEqual(first.exitCode, 1)
        XCTAssertFalse(first.passed)
        XCTAssertEqual(first.headline, gate.verdict.headline)
        XCTAssertEqual(first.startedAt.timeIntervalSince1970, gate.startedAt.timeIntervalSince1970, accuracy: 0.001)
        XCTAssertEqual(first.labelText, "commit=abc release=2.3")
        XCTAssertEqual(first.steps.map(\.name), gate.scenarios.flatMap(\.steps).map(\.name))
        XCTAssertEqual(first.steps.map(\.outcome), ["passed", "passed", "failed", "skipped", "error"])
        XCTAssertEqual(first.steps[2].status, 500)
        XCTAssertEqual(try XCTUnwrap(first.steps[2].totalSeconds), 2.412, accuracy: 1e-9)
        XCTAssertNil(first.steps[3].totalSeconds, "a skipped step has no timings")
        XCTAssertEqual(first.criteria.map(\.expression), gate.criteria.map(\.expression))
        XCTAssertEqual(first.criteria.map(\.passed), gate.criteria.map(\.passed))
        XCTAssertEqual(first.criteria[2].severity, "warning")

        let second = runs[1]
        XCTAssertEqual(second.command, "nightly")
        let recorded = try XCTUnwrap(second.loads.first)
        let original = try XCTUnwrap(load.loads.first)
        XCTAssertEqual(recorded.name, original.name)
        XCTAssertEqual(recorded.requests, original.requests)
        XCTAssertEqual(recorded.statusCounts, original.statusCounts)
        XCTAssertEqual(recorded.transportErrors, 2)
        XCTAssertEqual(recorded.unexpectedResponses, original.responses - recorded.responses(in: 200...399))
        XCTAssertGreaterThan(recorded.unexpectedResponses, 0, "the fixture answers some 404 and 503")
        XCTAssertEqual(recorded.p95Micros, original.latency["total"]?.p95)
        XCTAssertEqual(recorded.histograms, original.histograms, "the encoded histograms are kept as they were")
        let histogram = try XCTUnwrap(HdrHistogramEncoding.decode(base64: try XCTUnwrap(recorded.histograms["total"])))
        XCTAssertEqual(histogram.valueAtPercentile(95), original.latency["total"]?.p95)
        XCTAssertEqual(histogram.max, original.latency["total"]?.max)
    }

    func testSummariesLeaveOutStepsAndHistograms() throws {
        let store = try HistoryStore(path: path(), create: true)
        try store.record(try HTMLReportFixtures.load(seconds: 2))
        let summary = try XCTUnwrap(store.runs(.summary).first)
        XCTAssertEqual(summary.loads.count, 1)
        XCTAssertTrue(summary.loads[0].histograms.isEmpty)
        XCTAssertNotNil(try store.run(id: summary.id)?.loads.first?.histograms["total"])
        XCTAssertNil(try store.run(id: summary.id + 100))
    }

    func testPruneKeepsTheNewestRuns() throws {
        let store = try HistoryStore(path: path(), create: true)
        var ids: [Int64] = []
        for offset in 0..<5 {
            var report = try HTMLReportFixtures.load(seconds: 1)
            report.startedAt += Double(offset) * 86_400
            ids.append(try store.record(report))
        }
        XCTAssertEqual(try store.prune(keep: 2), 3)
        XCTAssertEqual(try store.runs().map(\.id), Array(ids.suffix(2)))
        XCTAssertEqual(try store.prune(keep: 10), 0)
        let orphans = try DatabaseQueue(path: path()).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM loadHistogram WHERE runId NOT IN (SELECT id FROM run)")
        }
        XCTAssertEqual(orphans, 0, "a pruned run's load sections and histograms go with it")
    }

    func testReopeningKeepsTheRunsAndTheSchema() throws {
        try HistoryStore(path: path(), create: true).record(try HTMLReportFixtures.passing())
        let reopened = try HistoryStore(path: path(), create: false)
        XCTAssertEqual(try reopened.runs().count, 1)
        XCTAssertEqual(try reopened.schemaVersion, HistoryStore.currentSchemaVersion)
    }

    func testAMissingFileIsNotCreatedForReading() {
        XCTAssertThrowsError(try HistoryStore(path: path("absent.sqlite"), create: false)) { error in
            XCTAssertTrue("\(error)".contains("absent.sqlite: no history file here"), "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("absent.sqlite")))
    }

    func testFilesThatAreNotHistoriesAreRefused() throws {
        try Data("this is a text file, not a database, and it is long enough to be read".utf8).write(
            to: URL(fileURLWithPath: path("text.sqlite")))
        XCTAssertThrowsError(try HistoryStore(path: path("text.sqlite"), create: true)) { error in
            XCTAssertTrue("\(error)".contains("text.sqlite: cannot open it as an SQLite file"), "\(error)")
        }
        let other = try DatabaseQueue(path: path("other.sqlite"))
        try other.write { db in try db.execute(sql: "CREATE TABLE invoices (id INTEGER PRIMARY KEY)") }
        try other.close()
        XCTAssertThrowsError(try HistoryStore(path: path("other.sqlite"), create: true)) { error in
            XCTAssertTrue(
                "\(error)".contains("not a csar-check history (an SQLite file with tables invoices)"), "\(error)")
        }
    }

    func testAFileFromANewerCsarCheckIsRefused() throws {
        try HistoryStore(path: path(), create: true).record(try HTMLReportFixtures.passing())
        let database = try DatabaseQueue(path: path())
        try database.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99')") }
        try database.close()
        XCTAssertThrowsError(try HistoryStore(path: path(), create: false)) { error in
            XCTAssertTrue("\(error)".contains("written by a newer csar-check"), "\(error)")
            XCTAssertTrue("\(error)".contains("upgrade csar-check"), "\(error)")
        }
    }
}
