import CSARCheck
import Foundation
import GRDB

extension HistoryStore {
    /// Records a run in one transaction and returns its id: metadata and labels, every step, every
    /// criterion, and each load section with its status counts and histograms.
    @discardableResult
    public func record(
        _ report: RunReport, command: String? = nil, labels: [RunLabel] = []
    ) throws(HistoryError)
        -> Int64
    {
        try change("record the run") { db in
            try db.execute(
                sql: """
                    INSERT INTO run (startedAt, finishedAt, command, target, tool, hostname, exitCode, passed,
                                     interrupted, headline)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    report.startedAt, report.finishedAt, command ?? report.command, report.target, report.tool,
                    report.hostname, Int(report.verdict.exitCode), report.verdict.passed, report.interrupted,
                    report.verdict.headline,
                ])
            let runId = db.lastInsertedRowID
            for label in labels {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO runLabel (runId, key, value) VALUES (?, ?, ?)",
                    arguments: [runId, label.key, label.value])
            }
            try Self.insertSteps(of: report, runId: runId, db)
            for (position, criterion) in report.criteria.enumerated() {
                try db.execute(
                    sql: """
                        INSERT INTO criterion (runId, position, expression, severity, scope, measured, measuredText, passed)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        runId, position, criterion.expression, criterion.severity.rawValue, criterion.scope,
                        criterion.measured.flatMap { $0.isFinite ? $0 : nil }, criterion.measuredText, criterion.passed,
                    ])
            }
            for (position, load) in report.loads.enumerated() {
                try Self.insert(load, position: position, runId: runId, db)
            }
            return runId
        }
    }

    private static func insertSteps(of report: RunReport, runId: Int64, _ db: Database) throws {
        var position = 0
        for scenario in report.scenarios {
            for step in scenario.steps {
                let timings = step.timings
                let seconds = [
                    timings?.total, timings?.dns, timings?.connect, timings?.tls, timings?.wait, timings?.transfer,
                ]
                try db.execute(
                    sql: """
                        INSERT INTO step (runId, position, scenario, file, name, outcome, attempts, status, totalSeconds,
                                          dnsSeconds, connectSeconds, tlsSeconds, waitSeconds, transferSeconds)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: StatementArguments(
                        [
                            runId, position, scenario.name, scenario.file, step.name, step.outcome, step.attempts,
                            step.response?.status,
                        ] as [(any DatabaseValueConvertible)?]
                            + seconds.map { $0.flatMap { $0.isFinite ? $0 : nil } }))
                position += 1
            }
        }
    }

    private static func insert(_ load: LoadReport, position: Int, runId: Int64, _ db: Database) throws {
        let total = load.latency["total"]
        let micros = [total?.p50, total?.p90, total?.p95, total?.p99, total?.p999, total?.max].map { Int64($0 ?? 0) }
        try db.execute(
            sql: """
                INSERT INTO loadSection (runId, position, name, plan, stopReason, wallTime, requests, responses,
                                         transportErrors, requestsPerSecond, availability, p50Micros, p90Micros,
                                         p95Micros, p99Micros, p999Micros, maxMicros, meanMicros, unexpectedResponses)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: StatementArguments(
                [
                    runId, position, load.name, load.plan.description, load.stopReason, load.wallTime, load.requests,
                    load.responses, load.transportErrors.reduce(0) { $0 + $1.count }, finite(load.requestsPerSecond),
                    finite(load.availability),
                ] as [any DatabaseValueConvertible]
                    + micros + [finite(total?.mean ?? 0), load.unexpectedResponses]))
        for status in load.statusCounts {
            try db.execute(
                sql: "INSERT INTO loadStatus (runId, position, status, count) VALUES (?, ?, ?, ?)",
                arguments: [runId, position, status.status, status.count])
        }
        for (phase, encoding) in load.histograms.sorted(by: { $0.key < $1.key }) {
            try db.execute(
                sql: "INSERT INTO loadHistogram (runId, position, phase, encoding) VALUES (?, ?, ?, ?)",
                arguments: [runId, position, phase, encoding])
        }
    }

    private static func finite(_ value: Double) -> Double {
        value.isFinite ? value : 0
    }
}
