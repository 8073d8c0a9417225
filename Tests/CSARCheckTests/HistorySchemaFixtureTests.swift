import CSARHistory
import Foundation
import XCTest

@testable import CSARCheck

/// A history file written by the first schema version, committed as it was made, opened by today's
/// csar-check: it is migrated to the current schema and every run reads as it was recorded.
final class HistorySchemaFixtureTests: XCTestCase {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fixtures/history-schema-v1.sqlite")

    func testAVersionOneFileIsMigratedAndReadsAsRecorded() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("csar-v1-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("history.sqlite")
        try FileManager.default.copyItem(at: Self.fixture, to: copy)

        let store = try HistoryStore(path: copy.path, create: false)
        XCTAssertEqual(HistoryStore.currentSchemaVersion, 2)
        XCTAssertEqual(try store.schemaVersion, HistoryStore.currentSchemaVersion)
        let runs = try store.runs()
        XCTAssertEqual(runs.map(\.id), [1, 2, 3])
        XCTAssertEqual(runs.map(\.command), ["demo", "load", "demo"])
        XCTAssertEqual(runs.map(\.exitCode), [0, 0, 1])
        XCTAssertEqual(runs.map(\.labelText), ["commit=0a1b2c3 release=1.0", "release=1.0", "release=1.1"])
        XCTAssertEqual(runs[0].steps.count, 19)
        XCTAssertTrue(runs[0].steps.allSatisfy { $0.outcome == "passed" && $0.totalSeconds != nil })
        XCTAssertEqual(runs[2].steps.filter { $0.outcome != "passed" }.count, 2)
        XCTAssertFalse(runs[0].criteria.isEmpty)
        XCTAssertEqual(runs[1].loads.first?.requests, 30)
        // Version 2 counts unexpected responses per load section; version 1 files get it from their statuses.
        for load in runs.flatMap(\.loads) {
            XCTAssertEqual(load.unexpectedResponses, load.responses - load.responses(in: 200...399))
        }
        for load in runs.flatMap(\.loads) {
            let histogram = try XCTUnwrap(HdrHistogramEncoding.decode(base64: try XCTUnwrap(load.histograms["total"])))
            XCTAssertEqual(histogram.totalCount, UInt64(load.responses))
            XCTAssertEqual(
                histogram.valueAtPercentile(50), load.p50Micros, "p50 of \(load.name) read from its histogram")
        }
        // The migrated file takes new runs.
        try store.record(try HTMLReportFixtures.passing())
        XCTAssertEqual(try store.runs(.summary).count, 4)
    }

    /// A reader of a version-1 file migrates a copy in memory: the runs read as recorded (the v2 count
    /// included), and the file keeps its bytes and its version, as on read-only media.
    func testAVersionOneFileIsReadWithoutBeingChanged() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("csar-v1-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("history.sqlite")
        try FileManager.default.copyItem(at: Self.fixture, to: copy)
        let before = try Data(contentsOf: copy)

        let store = try HistoryStore(readingAt: copy.path)
        let runs = try store.runs()
        XCTAssertEqual(runs.map(\.id), [1, 2, 3])
        XCTAssertEqual(runs[1].loads.first?.requests, 30)
        for load in runs.flatMap(\.loads) {
            XCTAssertEqual(load.unexpectedResponses, load.responses - load.responses(in: 200...399))
        }
        XCTAssertEqual(try Data(contentsOf: copy), before, "the file is unchanged")
        XCTAssertEqual(before[60..<64], Data([0, 0, 0, 1]), "user_version 1")
    }
}
