import GRDB

/// The history file's schema, one migration per version. A migration is never edited once released:
/// a newer csar-check opens an older file and brings it forward; an older csar-check refuses a newer
/// file instead of misreading it.
enum HistorySchema {
    /// The migrations in order; the schema version is the number of them applied.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try createVersion1(db)
            try db.execute(sql: "PRAGMA user_version = 1")
        }
        migrator.registerMigration("v2") { db in
            try addUnexpectedResponses(db)
            try db.execute(sql: "PRAGMA user_version = 2")
        }
        return migrator
    }

    static var currentVersion: Int { migrator.migrations.count }

    /// Runs with their metadata and labels; each run's steps, criteria and load sections, and each load
    /// section's status counts and HdrHistograms (V2 compressed encoding, base64, values in µs).
    private static func createVersion1(_ db: Database) throws {
        try db.create(table: "run") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("startedAt", .datetime).notNull().indexed()
            table.column("finishedAt", .datetime).notNull()
            table.column("command", .text).notNull()
            table.column("target", .text).notNull()
            table.column("tool", .text).notNull()
            table.column("hostname", .text).notNull()
            table.column("exitCode", .integer).notNull()
            table.column("passed", .boolean).notNull()
            table.column("interrupted", .boolean).notNull()
            table.column("headline", .text).notNull()
        }
        try db.create(table: "runLabel") { table in
            table.column("runId", .integer).notNull().references("run", onDelete: .cascade)
            table.column("key", .text).notNull()
            table.column("value", .text).notNull()
            table.primaryKey(["runId", "key"])
        }
        try db.create(table: "step") { table in
            table.column("runId", .integer).notNull().references("run", onDelete: .cascade)
            table.column("position", .integer).notNull()
            table.column("scenario", .text).notNull()
            table.column("file", .text).notNull()
            table.column("name", .text).notNull()
            table.column("outcome", .text).notNull()
            table.column("attempts", .integer).notNull()
            table.column("status", .integer)
            for phase in ["total", "dns", "connect", "tls", "wait", "transfer"] {
                table.column("\(phase)Seconds", .double)
            }
            table.primaryKey(["runId", "position"])
        }
        try db.create(table: "criterion") { table in
            table.column("runId", .integer).notNull().references("run", onDelete: .cascade)
            table.column("position", .integer).notNull()
            table.column("expression", .text).notNull()
            table.column("severity", .text).notNull()
            table.column("scope", .text).notNull()
            table.column("measured", .double)
            table.column("measuredText", .text).notNull()
            table.column("passed", .boolean).notNull()
            table.primaryKey(["runId", "position"])
        }
        try db.create(table: "loadSection") { table in
            table.column("runId", .integer).notNull().references("run", onDelete: .cascade)
            table.column("position", .integer).notNull()
            table.column("name", .text).notNull()
            table.column("plan", .text).notNull()
            table.column("stopReason", .text).notNull()
            table.column("wallTime", .double).notNull()
            table.column("requests", .integer).notNull()
            table.column("responses", .integer).notNull()
            table.column("transportErrors", .integer).notNull()
            table.column("requestsPerSecond", .double).notNull()
            table.column("availability", .double).notNull()
            for figure in ["p50", "p90", "p95", "p99", "p999", "max"] {
                table.column("\(figure)Micros", .integer).notNull()
            }
            table.column("meanMicros", .double).notNull()
            table.primaryKey(["runId", "position"])
        }
        try db.create(table: "loadStatus") { table in
            table.column("runId", .integer).notNull()
            table.column("position", .integer).notNull()
            table.column("status", .integer).notNull()
            table.column("count", .integer).notNull()
            table.primaryKey(["runId", "position", "status"])
            table.foreignKey(["runId", "position"], references: "loadSection", onDelete: .cascade)
        }
        try db.create(table: "loadHistogram") { table in
            table.column("runId", .integer).notNull()
            table.column("position", .integer).notNull()
            table.column("phase", .text).notNull()
            table.column("encoding", .text).notNull()
            table.primaryKey(["runId", "position", "phase"])
            table.foreignKey(["runId", "position"], references: "loadSection", onDelete: .cascade)
        }
    }

    /// Version 2: each load section keeps how many responses it did not expect, as the run judged them
    /// (a load section may come to expect other statuses than 2xx and 3xx; the count must not be
    /// guessed again later). Version 1 files get the count their status rows give. Runs are also
    /// indexed by command, which `nightly` filters on.
    private static func addUnexpectedResponses(_ db: Database) throws {
        try db.alter(table: "loadSection") { table in
            table.add(column: "unexpectedResponses", .integer).notNull().defaults(to: 0)
        }
        try db.execute(
            sql: """
                UPDATE loadSection SET unexpectedResponses = responses - coalesce(
                    (SELECT sum(count) FROM loadStatus
                     WHERE loadStatus.runId = loadSection.runId AND loadStatus.position = loadSection.position
                       AND status BETWEEN 200 AND 399), 0)
                """)
        try db.create(index: "run_command_startedAt", on: "run", columns: ["command", "startedAt"])
    }
}
