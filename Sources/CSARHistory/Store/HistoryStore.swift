import CSARCheck
import Foundation
import GRDB

/// A history file: an SQLite database (WAL mode) holding every recorded run. Created on first use;
/// two processes may record into it at once (each run is one immediate transaction, and a writer waits
/// up to `busyTimeout` for the other). Opening an older file migrates it to the current schema; a file
/// written by a newer csar-check is refused rather than misread.
public final class HistoryStore: Sendable {
    /// How long a writer waits for another process holding the file's write lock.
    public static let busyTimeout: TimeInterval = 30

    /// The schema version this csar-check writes, and the newest it reads.
    public static var currentSchemaVersion: Int { HistorySchema.currentVersion }

    public let path: String
    let database: DatabaseQueue

    /// Opens the history at `path`; with `create`, makes the file (and its folder) when missing.
    public init(path: String, create: Bool) throws(HistoryError) {
        self.path = path
        let exists = FileManager.default.fileExists(atPath: path)
        if !exists && !create {
            throw HistoryError(path: path, "no history file here; record runs into it first with --history \(path)")
        }
        if !exists {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw HistoryError(path: path, "cannot create the folder \(folder.path): \(error.localizedDescription)")
            }
        }
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.label = "csar-check history"
        database = try Self.open(path, configuration)
        try migrate()
    }

    /// Opens the file, trying again for up to `busyTimeout` while another process holds it. Two processes
    /// that switch the same new file to WAL mode at once both hold a shared lock and want an exclusive one:
    /// SQLite answers one of them "database is locked" at once instead of waiting in its busy handler,
    /// since waiting could deadlock (sqlite3_busy_handler's documentation).
    private static func open(_ path: String, _ configuration: Configuration) throws(HistoryError) -> DatabaseQueue {
        let deadline = Date().addingTimeInterval(busyTimeout)
        while true {
            do {
                return try DatabaseQueue(path: path, configuration: configuration)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline {
                Thread.sleep(forTimeInterval: 0.02)
            } catch {
                throw HistoryError(path: path, "cannot open it as an SQLite file (\(describe(error)))")
            }
        }
    }

    /// The schema version of the file: the number of migrations applied to it.
    public var schemaVersion: Int {
        get throws(HistoryError) {
            try access { db in try HistorySchema.migrator.appliedIdentifiers(db).count }
        }
    }

    /// Brings the file to the current schema. Two processes creating the same file at once both try;
    /// the loser's migration fails inside its own transaction and finds the work done when it looks again.
    private func migrate() throws(HistoryError) {
        let migrator = HistorySchema.migrator
        try checkIdentity(migrator)
        var lastError: Error?
        for _ in 0..<5 {
            do {
                try migrator.migrate(database)
                return
            } catch {
                lastError = error
                if (try? database.read({ try migrator.hasCompletedMigrations($0) })) == true { return }
            }
        }
        throw HistoryError(
            path: path, "cannot bring the file to schema v\(HistorySchema.currentVersion) (\(Self.describe(lastError)))"
        )
    }

    /// Refuses a file that is SQLite but not a history, and a history from a newer csar-check.
    private func checkIdentity(_ migrator: DatabaseMigrator) throws(HistoryError) {
        let (tables, applied, superseded) = try access { db -> ([String], Set<String>, Bool) in
            let tables = try String.fetchAll(
                db,
                sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            guard tables.contains("grdb_migrations") else { return (tables, [], false) }
            return (tables, try migrator.appliedIdentifiers(db), try migrator.hasBeenSuperseded(db))
        }
        // A file with only GRDB's bookkeeping table is being created by another process right now.
        if tables.contains(where: { $0 != "grdb_migrations" }) && !applied.contains("v1") {
            throw HistoryError(
                path: path, "not a csar-check history (an SQLite file with tables \(tables.joined(separator: ", ")))")
        }
        if superseded {
            throw HistoryError(
                path: path,
                "written by a newer csar-check (schema v\(applied.count); this one reads up to "
                    + "v\(HistorySchema.currentVersion)): upgrade csar-check to read it")
        }
    }

    /// Runs a read, turning SQLite's errors into ours.
    func access<T>(_ work: (Database) throws -> T) throws(HistoryError) -> T {
        do {
            return try database.read { db in try work(db) }
        } catch {
            throw HistoryError(path: path, "cannot read it (\(Self.describe(error)))")
        }
    }

    /// Runs one write transaction, turning SQLite's errors into ours.
    func change<T>(_ what: String, _ work: (Database) throws -> T) throws(HistoryError) -> T {
        do {
            return try database.write { db in try work(db) }
        } catch {
            throw HistoryError(path: path, "cannot \(what) (\(Self.describe(error)))")
        }
    }

    static func describe(_ error: Error?) -> String {
        guard let error else { return "unknown error" }
        if let error = error as? DatabaseError {
            return "SQLite: \(error.message ?? "\(error.resultCode)")"
        }
        return "\(error)"
    }
}
