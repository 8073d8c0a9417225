import Foundation
import GRDB
import XCTest

/// Real history files for the tests: runs recorded by the built binary, made large by copying them in
/// SQL, and put out of reach of writers the ways CI caches and artifacts are (a read-only mount, an
/// immutable file or folder).
enum HistoryFixtures {
    /// Records `count` short load runs of `url` into `history`, each a separate `csar-check load`.
    static func record(_ count: Int, of url: String, into history: String) throws {
        for _ in 0..<count {
            let run = try CommandLineRun.run(
                ["load", url, "-n", "10", "-c", "2", "--history", history, "--no-reports"], timeout: 60)
            XCTAssertEqual(run.exitCode, 0, run.output)
        }
    }

    /// Adds `copies` copies of every run of `history` (with their load sections, statuses, histograms and
    /// criteria), recorded as `command`, in one transaction: a history of years of nights in a second.
    static func enlarge(_ history: String, copies: Int, command: String) throws {
        let database = try DatabaseQueue(path: history)
        try database.write { db in
            let stride = try Int.fetchOne(db, sql: "SELECT max(id) FROM run") ?? 0
            try db.execute(sql: "CREATE TEMP TABLE copy (n INTEGER PRIMARY KEY)")
            for n in 1...copies { try db.execute(sql: "INSERT INTO copy (n) VALUES (?)", arguments: [n]) }
            let shift = "runId + copy.n * \(stride)"
            try db.execute(
                sql: """
                    INSERT INTO run (id, startedAt, finishedAt, command, target, tool, hostname, exitCode, passed,
                                     interrupted, headline)
                    SELECT id + copy.n * \(stride), startedAt, finishedAt, ?, target, tool, hostname, exitCode,
                           passed, interrupted, headline FROM run, copy WHERE id <= \(stride);
                    INSERT INTO loadSection SELECT \(shift), position, name, plan, stopReason, wallTime, requests,
                           responses, transportErrors, requestsPerSecond, availability, p50Micros, p90Micros,
                           p95Micros, p99Micros, p999Micros, maxMicros, meanMicros, unexpectedResponses
                    FROM loadSection, copy WHERE runId <= \(stride);
                    INSERT INTO loadStatus SELECT \(shift), position, status, count FROM loadStatus, copy
                    WHERE runId <= \(stride);
                    INSERT INTO loadHistogram SELECT \(shift), position, phase, encoding FROM loadHistogram, copy
                    WHERE runId <= \(stride);
                    INSERT INTO criterion SELECT \(shift), position, expression, severity, scope, measured,
                           measuredText, passed FROM criterion, copy WHERE runId <= \(stride);
                    UPDATE run SET command = ?;
                    """, arguments: [command, command])
        }
        try database.close()
    }

    /// The number of runs, read through a read-only connection.
    static func runCount(_ history: String) throws -> Int {
        let database = try DatabaseQueue(path: history, configuration: readOnly)
        defer { try? database.close() }
        return try database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM run") ?? -1 }
    }

    /// Every row of every table, in rowid order, as text: what the file holds, whatever its page layout.
    static func content(_ history: String) throws -> [String] {
        let database = try DatabaseQueue(path: history, configuration: readOnly)
        defer { try? database.close() }
        return try database.read { db in
            let tables = try String.fetchAll(
                db,
                sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            return try tables.flatMap { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid").map { "\(table) \($0)" }
            }
        }
    }

    /// `PRAGMA integrity_check` of the file: "ok" when it is whole.
    static func integrity(_ history: String) throws -> String {
        let database = try DatabaseQueue(path: history, configuration: readOnly)
        defer { try? database.close() }
        return try database.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "" }
    }

    private static var readOnly: Configuration {
        var configuration = Configuration()
        configuration.readonly = true
        return configuration
    }
}

/// A folder mounted read-only somewhere else (`mount -o bind,ro`), as a CI runner mounts a cache: even root
/// cannot write there. Needs the right to mount (root in the test container); `make` says why not otherwise.
struct ReadOnlyMount {
    let path: URL

    static func make(of source: URL, at target: URL) throws -> Result<ReadOnlyMount, SkipReason> {
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        let mount = try Tool.run("/usr/bin/mount", ["-o", "bind,ro", source.path, target.path])
        guard mount.status == 0 else { return .failure(SkipReason("cannot mount read-only here: \(mount.output)")) }
        return .success(ReadOnlyMount(path: target))
    }

    func unmount() {
        for _ in 0..<50 {
            if (try? Tool.run("/usr/bin/umount", [path.path]).status) == 0 { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        XCTFail("could not unmount \(path.path)")
    }
}

/// `chattr +i`: a file or folder even root cannot change (needs CAP_LINUX_IMMUTABLE and a file system with
/// the attribute, as ext4).
struct ImmutableAttribute {
    let path: URL

    static func set(on path: URL) throws -> Result<ImmutableAttribute, SkipReason> {
        let chattr = try Tool.run("/usr/bin/chattr", ["+i", path.path])
        guard chattr.status == 0 else { return .failure(SkipReason("chattr +i refused here: \(chattr.output)")) }
        return .success(ImmutableAttribute(path: path))
    }

    func clear() {
        XCTAssertEqual(try? Tool.run("/usr/bin/chattr", ["-i", path.path]).status, 0, "chattr -i \(path.path)")
    }
}

struct SkipReason: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}

/// A system tool run to its end (a few milliseconds: mount, chattr).
enum Tool {
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
