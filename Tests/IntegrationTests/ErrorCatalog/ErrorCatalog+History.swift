import CSARHistory
import Foundation
import GRDB

/// History files a command cannot use: not a history, from a newer csar-check, and run choices that would
/// judge nothing (a misspelt `--command`, a baseline that is no nightly run); exit 2, the file unchanged.
extension ErrorCatalog {
    static var history: [ErrorCase] {
        [
            ErrorCase(
                .history, "`--history` names the application's SQLite database (`users`, `migrations`)",
                shows: "not a csar-check history", exit: 2
            ) { _ in ["history", "list", "database.sqlite"] }.with(bytes: ["database.sqlite": CaseHistories.laravel]),
            ErrorCase(
                .history, "a history written by a newer csar-check (`user_version` 3)",
                shows: "written by a newer csar-check", exit: 2
            ) { _ in ["trend", "future.sqlite", "--no-reports"] }
            .with(bytes: ["future.sqlite": CaseHistories.recorded(command: "nightly", runs: 2, userVersion: 3)]),
            ErrorCase(
                .history, "`trend --command laod`: no run of the history is of that command", shows: "no `laod` run",
                exit: 2
            ) { _ in ["trend", "history.sqlite", "--command", "laod", "--no-reports"] }
            .with(bytes: ["history.sqlite": CaseHistories.recorded(command: "load", runs: 2)]),
            ErrorCase(
                .history, "`nightly --baseline 999`: no such nightly run (refused before anything is sent)",
                shows: "to use as the baseline", exit: 2
            ) { fixture in
                [
                    "nightly", "--history", "nightly.sqlite", "--baseline", "999", "--base-url", fixture.base,
                    "--no-reports",
                ]
            }.with(bytes: ["nightly.sqlite": CaseHistories.recorded(command: "nightly", runs: 2)]),
        ]
    }
}

/// SQLite files for the history cases, made once in a scratch folder and handed over as bytes.
enum CaseHistories {
    /// A Laravel application's database: its `migrations` and `users` tables.
    static let laravel = make("database.sqlite") { path in
        let database = try DatabaseQueue(path: path)
        try database.write { db in
            try db.execute(
                sql: """
                    CREATE TABLE migrations (id INTEGER PRIMARY KEY, migration TEXT NOT NULL, batch INTEGER NOT NULL);
                    CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT, email TEXT UNIQUE, password TEXT);
                    """)
        }
        try database.close()
    }

    /// A history with `runs` runs of `command` (their metadata only), at `userVersion` when given.
    static func recorded(command: String, runs: Int, userVersion: Int? = nil) -> [UInt8] {
        make("history.sqlite") { path in
            _ = try HistoryStore(path: path, create: true)
            let database = try DatabaseQueue(path: path)
            try database.write { db in
                for day in 1...runs {
                    try db.execute(
                        sql: """
                            INSERT INTO run (startedAt, finishedAt, command, target, tool, hostname, exitCode, passed,
                                             interrupted, headline)
                            VALUES (?, ?, ?, 'https://csar.sn', 'csar-check', 'ci', 0, 1, 0, 'PASSED')
                            """,
                        arguments: [Date(timeIntervalSince1970: Double(day) * 86_400), Date(), command])
                }
                if let userVersion { try db.execute(sql: "PRAGMA user_version = \(userVersion)") }
            }
            try database.close()
        }
    }

    private static func make(_ name: String, _ build: (String) throws -> Void) -> [UInt8] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("csar-case-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let path = folder.appendingPathComponent(name).path
            try build(path)
            return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            preconditionFailure("cannot make the case file \(name): \(error)")
        }
    }
}
