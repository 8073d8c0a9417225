import CSARCheck
import Foundation
import GRDB

/// A history file: an SQLite database (WAL mode) holding every recorded run. Created on first use;
/// two processes may record into it at once (each run is one immediate transaction, and a writer waits
/// up to `busyTimeout` for the other). Opening an older file for writing migrates it to the current
/// schema; readers (`init(readingAt:)`) change nothing, a read-only file included. A file written by a newer
/// csar-check, or an SQLite file that is not a history, is refused before anything in it is touched.
public final class HistoryStore: Sendable {
    /// How long a writer waits for another process holding the file's write lock.
    public static let busyTimeout: TimeInterval = 30

    /// The schema version this csar-check writes, and the newest it reads.
    public static var currentSchemaVersion: Int { HistorySchema.currentVersion }

    public let path: String
    let database: DatabaseQueue
    /// When raised, the SQLite work under way stops (reads fail, writes roll back).
    let stop: StopSignal?

    /// Opens the history at `path` to record into it or prune it; with `create`, makes the file (and its
    /// folder) when missing. A read-only file or folder is refused, saying so.
    public init(path: String, create: Bool, stop: StopSignal? = nil) throws(HistoryError) {
        self.path = path
        self.stop = stop
        let exists = FileManager.default.fileExists(atPath: path)
        if !exists && !create {
            throw HistoryError(path: path, "no history file here; record runs into it first with --history \(path)")
        }
        var current = false
        if exists {
            // Looked at through a read-only connection first: a foreign file keeps its journal mode.
            let reader = try HistoryFile.openForReading(path, Self.configuration())
            current = try Self.checkIdentity(reader, path: path)
            try? reader.close()
        } else {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw HistoryError(path: path, "cannot create the folder \(folder.path): \(error.localizedDescription)")
            }
        }
        if let refusal = HistoryFile.writeRefusal(path) {
            throw HistoryError(
                path: path,
                "cannot record into it or prune it: \(refusal). Copy it to a writable folder to record; "
                    + "`history list|show|export` and `trend` read it where it is")
        }
        var configuration = Self.configuration()
        configuration.journalMode = .wal
        database = try Self.open(path, configuration)
        if !current { try migrate() }
    }

    /// Opens the existing history at `path` to read it, read-only: the file is never changed, and may lie
    /// on read-only media. An older schema is brought forward in a copy held in memory.
    public init(readingAt path: String, stop: StopSignal? = nil) throws(HistoryError) {
        self.path = path
        self.stop = stop
        guard FileManager.default.fileExists(atPath: path) else {
            throw HistoryError(path: path, "no history file here; record runs into it first with --history \(path)")
        }
        let file = try HistoryFile.openForReading(path, Self.configuration())
        database = try Self.checkIdentity(file, path: path) ? file : try Self.migratedCopy(of: file, path: path)
    }

    private static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "csar-check history"
        return configuration
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

    /// A copy of `file` in memory, brought to the current schema.
    private static func migratedCopy(of file: DatabaseQueue, path: String) throws(HistoryError) -> DatabaseQueue {
        let migrator = HistorySchema.migrator
        do {
            let memory = try DatabaseQueue(configuration: configuration())
            try file.backup(to: memory)
            try migrator.migrate(memory)
            return memory
        } catch {
            throw HistoryError(
                path: path, "cannot read it at schema v\(HistorySchema.currentVersion) (\(describe(error)))")
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

    /// Refuses a file that is SQLite but not a history, and a history from a newer csar-check: one whose
    /// `user_version` is higher than this one's schema, or that holds migrations this one does not know.
    /// Returns whether the file is at the current schema already.
    private static func checkIdentity(_ file: DatabaseQueue, path: String) throws(HistoryError) -> Bool {
        let migrator = HistorySchema.migrator
        let identity: (tables: [String], applied: Set<String>, version: Int, superseded: Bool)
        do {
            identity = try file.read { db in
                let tables = try String.fetchAll(
                    db,
                    sql:
                        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
                )
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                guard tables.contains("grdb_migrations") else { return (tables, [], version, false) }
                return (tables, try migrator.appliedIdentifiers(db), version, try migrator.hasBeenSuperseded(db))
            }
        } catch {
            throw HistoryError(path: path, "cannot open it as an SQLite file (\(describe(error)))")
        }
        // A file with only GRDB's bookkeeping table is being created by another process right now.
        if identity.tables.contains(where: { $0 != "grdb_migrations" }) && !identity.applied.contains("v1") {
            throw HistoryError(
                path: path,
                "not a csar-check history (an SQLite file with tables \(identity.tables.joined(separator: ", "))); "
                    + "nothing in it was changed")
        }
        if identity.version > HistorySchema.currentVersion || identity.superseded {
            throw HistoryError(
                path: path,
                "written by a newer csar-check (schema v\(max(identity.version, identity.applied.count + 1)); "
                    + "this one reads up to v\(HistorySchema.currentVersion)): upgrade csar-check to read it")
        }
        return identity.applied.count == migrator.migrations.count
    }

    /// Runs a read, turning SQLite's errors into ours.
    func access<T>(_ work: (Database) throws -> T) throws(HistoryError) -> T {
        try interruptible { () throws(HistoryError) in
            do {
                return try database.read { db in try work(db) }
            } catch {
                throw HistoryError(path: path, "cannot read it (\(Self.describe(error)))")
            }
        }
    }

    /// Runs one write transaction, turning SQLite's errors into ours.
    func change<T>(_ what: String, _ work: (Database) throws -> T) throws(HistoryError) -> T {
        try interruptible { () throws(HistoryError) in
            do {
                return try database.write { db in try work(db) }
            } catch {
                throw HistoryError(path: path, "cannot \(what) (\(Self.describe(error)))")
            }
        }
    }

    /// Runs `work`, stopped by `stop` when there is one.
    func interruptible<T>(_ work: () throws(HistoryError) -> T) throws(HistoryError) -> T {
        guard let stop else { return try work() }
        if stop.isRequested { throw HistoryError(path: path, "stopped before it began") }
        return try DatabaseInterrupter(database: database, stop: stop).run(work)
    }

    static func describe(_ error: Error?) -> String {
        guard let error else { return "unknown error" }
        if let error = error as? DatabaseError {
            return "SQLite: \(error.message ?? "\(error.resultCode)")"
        }
        return "\(error)"
    }
}
