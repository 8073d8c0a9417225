import Foundation
import GRDB
import XCTest

/// A history read where CI keeps it — a cache or an artifact mounted read-only, an immutable file or folder
/// — by `history list/show/export` and `trend`, which never change it; recording and pruning refuse it,
/// saying it is read-only. And files that are not our histories: an application's SQLite database, a
/// history from a newer csar-check. Each through the built binary, each file checked byte for byte after.
final class HistoryReadOnlyTests: HostileServerTestCase {
    private func recordedHistory(in name: String) throws -> URL {
        let source = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        let history = source.appendingPathComponent("nightly.sqlite")
        try HistoryFixtures.record(3, of: server.url("/ok"), into: history.path)
        XCTAssertEqual(try fileFormat(history), "WAL", "a history is a WAL file")
        return history
    }

    /// Every reader succeeds, every writer exits 2 naming the file and saying it is read-only.
    private func assertReadableNotWritable(_ history: String, refusal: String) throws {
        let before = try Data(contentsOf: URL(fileURLWithPath: history))
        for arguments in [
            ["history", "list", history], ["history", "show", history, "latest"],
            ["history", "export", history, "--csv"], ["trend", history, "--no-reports"],
        ] {
            let run = try CommandLineRun.run(arguments)
            XCTAssertEqual(run.exitCode, 0, "\(arguments): \(run.output)")
        }
        let list = try CommandLineRun.run(["history", "list", history])
        XCTAssertTrue(list.stdout.contains("3 run(s)"), list.stdout)
        for arguments in [
            ["history", "prune", history, "--keep", "1"],
            ["load", server.url("/ok"), "-n", "5", "--history", history, "--no-reports"],
        ] {
            let run = try CommandLineRun.run(arguments)
            XCTAssertEqual(run.exitCode, 2, "\(arguments): \(run.output)")
            XCTAssertTrue(run.stderr.contains("\(history): cannot record into it or prune it: \(refusal)"), run.stderr)
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: history)), before, "the file is unchanged")
    }

    func testAHistoryOnAReadOnlyMountIsReadAndRefusedToWriters() throws {
        let history = try recordedHistory(in: "cache")
        let mount: ReadOnlyMount
        switch try ReadOnlyMount.make(of: history.deletingLastPathComponent(), at: folder.appendingPathComponent("ro"))
        {
        case .success(let made): mount = made
        case .failure(let skip): throw XCTSkip(skip.reason)
        }
        defer { mount.unmount() }
        let mounted = mount.path.appendingPathComponent("nightly.sqlite").path
        try assertReadableNotWritable(mounted, refusal: "the file is read-only (Read-only file system)")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: mount.path.path), ["nightly.sqlite"])
    }

    func testAnImmutableHistoryIsReadAndRefusedToWriters() throws {
        let history = try recordedHistory(in: "artifact")
        let attribute: ImmutableAttribute
        switch try ImmutableAttribute.set(on: history) {
        case .success(let set): attribute = set
        case .failure(let skip): throw XCTSkip(skip.reason)
        }
        defer { attribute.clear() }
        try assertReadableNotWritable(history.path, refusal: "the file is read-only (Operation not permitted)")
    }

    func testAHistoryInAReadOnlyFolderIsReadAndRefusedToWriters() throws {
        let history = try recordedHistory(in: "locked")
        let attribute: ImmutableAttribute
        switch try ImmutableAttribute.set(on: history.deletingLastPathComponent()) {
        case .success(let set): attribute = set
        case .failure(let skip): throw XCTSkip(skip.reason)
        }
        defer { attribute.clear() }
        try assertReadableNotWritable(
            history.path,
            refusal: "its folder \(history.deletingLastPathComponent().path) is read-only (Operation not permitted)")
    }

    /// A Laravel application's SQLite database given as --history by mistake: refused by every command,
    /// and left exactly as it was — same bytes, still in its journal mode, no -wal or -shm beside it.
    func testAnApplicationDatabaseIsRefusedAndLeftAsItWas() throws {
        let app = folder.appendingPathComponent("database.sqlite")
        let database = try DatabaseQueue(path: app.path)
        try database.write { db in
            try db.execute(
                sql: """
                    CREATE TABLE migrations (id INTEGER PRIMARY KEY, migration TEXT NOT NULL, batch INTEGER NOT NULL);
                    INSERT INTO migrations (migration, batch) VALUES ('2014_10_12_000000_create_users_table', 1);
                    CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT, email TEXT UNIQUE, password TEXT);
                    INSERT INTO users (name, email, password) VALUES ('Awa', 'awa@csar.sn', '$2y$10$abc');
                    """)
        }
        try database.close()
        let before = try Data(contentsOf: app)
        for arguments in [
            ["history", "list", app.path], ["history", "prune", app.path, "--keep", "1"],
            ["trend", app.path, "--no-reports"],
            ["load", server.url("/ok"), "-n", "5", "--history", app.path, "--no-reports"],
        ] {
            let run = try CommandLineRun.run(arguments)
            XCTAssertEqual(run.exitCode, 2, "\(arguments): \(run.output)")
            XCTAssertTrue(
                run.stderr.contains("not a csar-check history (an SQLite file with tables migrations, users)"),
                run.stderr)
        }
        XCTAssertEqual(try Data(contentsOf: app), before, "the same bytes")
        XCTAssertEqual(try fileFormat(app), "rollback journal", "still in its journal mode")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), ["database.sqlite"])
    }

    /// A history whose user_version is higher than this csar-check's schema: refused by readers and writers
    /// alike, naming both versions, and left as it was.
    func testAHistoryFromANewerCsarCheckIsRefusedNamingTheVersions() throws {
        let history = try recordedHistory(in: "future")
        let database = try DatabaseQueue(path: history.path)
        try database.write { db in try db.execute(sql: "PRAGMA user_version = 3") }
        try database.close()
        let before = try Data(contentsOf: history)
        for arguments in [
            ["history", "list", history.path], ["trend", history.path, "--no-reports"],
            ["history", "prune", history.path, "--keep", "1"],
            ["load", server.url("/ok"), "-n", "5", "--history", history.path, "--no-reports"],
        ] {
            let run = try CommandLineRun.run(arguments)
            XCTAssertEqual(run.exitCode, 2, "\(arguments): \(run.output)")
            XCTAssertTrue(
                run.stderr.contains("written by a newer csar-check (schema v3; this one reads up to v2)"), run.stderr)
        }
        XCTAssertEqual(try Data(contentsOf: history), before)
    }

    /// The journal kind an SQLite file's header says (bytes 18 and 19: 1 rollback journal, 2 WAL), read
    /// without opening it: an SQLite connection would create the -wal and -shm of a WAL file.
    private func fileFormat(_ file: URL) throws -> String {
        let header = try Data(contentsOf: file).prefix(20)
        switch (header[18], header[19]) {
        case (1, 1): return "rollback journal"
        case (2, 2): return "WAL"
        default: return "unknown (\(header[18]), \(header[19]))"
        }
    }
}
