import CSARCheck
import Foundation
import GRDB

extension HistoryStore {
    /// What to read of each run.
    public enum Detail: Sendable {
        /// Metadata, labels and load summaries: enough for a list.
        case summary
        /// Everything, steps, criteria and histograms included.
        case full
    }

    /// Every run, oldest first (by start time, then by id).
    public func runs(_ detail: Detail = .full) throws(HistoryError) -> [RecordedRun] {
        try access { db in
            try Self.fetchRuns(
                db, sql: "SELECT * FROM run ORDER BY startedAt, id", arguments: [], detail: detail, stop: stop)
        }
    }

    /// One run, or nil when the file has no run with that id.
    public func run(id: Int64) throws(HistoryError) -> RecordedRun? {
        try access { db in
            try Self.fetchRuns(
                db, sql: "SELECT * FROM run WHERE id = ?", arguments: [id], detail: .full, stop: stop
            ).first
        }
    }

    /// Deletes all but the newest `keep` runs and returns how many went; the file is compacted after.
    /// Stopped (`stop`) before its deletion commits, it leaves the file as it was.
    @discardableResult
    public func prune(keep: Int) throws(HistoryError) -> Int {
        let deleted: Int
        do {
            deleted = try change("prune it") { db -> Int in
                try db.execute(
                    sql: """
                        DELETE FROM run WHERE id NOT IN (SELECT id FROM run ORDER BY startedAt DESC, id DESC LIMIT ?)
                        """,
                    arguments: [max(0, keep)])
                return db.changesCount
            }
        } catch  where stop?.isRequested == true {
            throw HistoryError(path: path, "pruning stopped before it ended: nothing was deleted")
        }
        guard deleted > 0 else { return 0 }
        if stop?.isRequested == true {
            throw HistoryError(path: path, "\(deleted) run(s) deleted, then stopped before compacting the file")
        }
        do {
            try interruptible { () throws(HistoryError) in
                do {
                    try database.vacuum()
                } catch {
                    throw HistoryError(path: path, Self.describe(error))
                }
            }
        } catch  where stop?.isRequested == true {
            throw HistoryError(path: path, "\(deleted) run(s) deleted; compacting stopped, the file keeps its size")
        } catch {
            throw HistoryError(path: path, "pruned, but cannot compact it (\(error.message))")
        }
        return deleted
    }

    /// Reads the runs `sql` selects; `stop` ends it between two runs (most of a long read is spent decoding
    /// them, between the SQL statements the database interrupter stops).
    private static func fetchRuns(
        _ db: Database, sql: String, arguments: StatementArguments, detail: Detail, stop: StopSignal?
    ) throws
        -> [RecordedRun]
    {
        let rows = try Row.fetchAll(db, sql: sql, arguments: arguments)
        return try rows.map { row in
            if stop?.isRequested == true { throw StoppedOnRequest() }
            let id: Int64 = row["id"]
            return RecordedRun(
                id: id, startedAt: row["startedAt"], finishedAt: row["finishedAt"], command: row["command"],
                target: row["target"], tool: row["tool"], hostname: row["hostname"], exitCode: row["exitCode"],
                passed: row["passed"], interrupted: row["interrupted"], headline: row["headline"],
                labels: try labels(runId: id, db),
                steps: detail == .full ? try steps(runId: id, db) : [],
                criteria: detail == .full ? try criteria(runId: id, db) : [],
                loads: try loads(runId: id, histograms: detail == .full, db))
        }
    }

    private static func labels(runId: Int64, _ db: Database) throws -> [RunLabel] {
        try Row.fetchAll(db, sql: "SELECT key, value FROM runLabel WHERE runId = ? ORDER BY key", arguments: [runId])
            .map { RunLabel(key: $0["key"], value: $0["value"]) }
    }

    private static func steps(runId: Int64, _ db: Database) throws -> [RecordedStep] {
        try Row.fetchAll(db, sql: "SELECT * FROM step WHERE runId = ? ORDER BY position", arguments: [runId]).map {
            RecordedStep(
                position: $0["position"], scenario: $0["scenario"], file: $0["file"], name: $0["name"],
                outcome: $0["outcome"], attempts: $0["attempts"], status: $0["status"],
                totalSeconds: $0["totalSeconds"], dnsSeconds: $0["dnsSeconds"], connectSeconds: $0["connectSeconds"],
                tlsSeconds: $0["tlsSeconds"], waitSeconds: $0["waitSeconds"], transferSeconds: $0["transferSeconds"])
        }
    }

    private static func criteria(runId: Int64, _ db: Database) throws -> [RecordedCriterion] {
        try Row.fetchAll(db, sql: "SELECT * FROM criterion WHERE runId = ? ORDER BY position", arguments: [runId]).map {
            RecordedCriterion(
                position: $0["position"], expression: $0["expression"], severity: $0["severity"], scope: $0["scope"],
                measured: $0["measured"], measuredText: $0["measuredText"], passed: $0["passed"])
        }
    }

    private static func loads(runId: Int64, histograms: Bool, _ db: Database) throws -> [RecordedLoad] {
        let rows = try Row.fetchAll(
            db, sql: "SELECT * FROM loadSection WHERE runId = ? ORDER BY position", arguments: [runId])
        return try rows.map { row in
            let position: Int = row["position"]
            let statuses = try Row.fetchAll(
                db, sql: "SELECT status, count FROM loadStatus WHERE runId = ? AND position = ? ORDER BY status",
                arguments: [runId, position]
            ).map { StatusCount(status: $0["status"], count: $0["count"]) }
            var encodings: [String: String] = [:]
            if histograms {
                for histogram in try Row.fetchAll(
                    db, sql: "SELECT phase, encoding FROM loadHistogram WHERE runId = ? AND position = ?",
                    arguments: [runId, position])
                {
                    encodings[histogram["phase"]] = histogram["encoding"]
                }
            }
            return RecordedLoad(
                position: position, name: row["name"], plan: row["plan"], stopReason: row["stopReason"],
                wallTime: row["wallTime"], requests: row["requests"], responses: row["responses"],
                transportErrors: row["transportErrors"], requestsPerSecond: row["requestsPerSecond"],
                availability: row["availability"], p50Micros: row["p50Micros"], p90Micros: row["p90Micros"],
                p95Micros: row["p95Micros"], p99Micros: row["p99Micros"], p999Micros: row["p999Micros"],
                maxMicros: row["maxMicros"], meanMicros: row["meanMicros"],
                unexpectedResponses: row["unexpectedResponses"], statusCounts: statuses,
                histograms: encodings)
        }
    }
}

/// A read ended by a stop request.
struct StoppedOnRequest: Error, CustomStringConvertible {
    var description: String { "stopped on request" }
}
