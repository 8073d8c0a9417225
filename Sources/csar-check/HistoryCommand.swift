import ArgumentParser
import CSARCheck
import CSARHistory
import Foundation

/// `csar-check history list|show|export|prune FILE`: look after a history file.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List, show, export or prune the runs of a history file (see --history).",
        discussion: """
            list, show and export only read the file (it may lie on read-only media); prune changes it. \
            Exit codes: 0 done, 2 usage error or a history file that cannot be read (or, for prune, written), \
            130 interrupted (SIGINT, SIGTERM, SIGHUP: the file is left as it was).
            """,
        subcommands: [
            HistoryListCommand.self, HistoryShowCommand.self, HistoryExportCommand.self, HistoryPruneCommand.self,
        ]
    )

    /// Opens an existing history file read-only (it is never changed), or fails with exit code 2 and the reason.
    static func open(_ path: String) throws -> HistoryStore {
        try reading { () throws(HistoryError) in try HistoryStore(readingAt: path, stop: InterruptSignal.stop) }
    }

    /// Opens an existing history file to change it, or fails with exit code 2 and the reason (a read-only
    /// file among them).
    static func openForChanging(_ path: String) throws -> HistoryStore {
        try reading(stopped: nil) { () throws(HistoryError) in
            try HistoryStore(path: path, create: false, stop: InterruptSignal.stop)
        }
    }

    /// Runs work on the file, a failure being exit code 2; when a signal stopped it, exit code 130 saying
    /// `stopped` (nil: the error's own words, for a change that says what it did and did not do).
    static func reading<T>(
        stopped: String? = "stopped before the end; the history is unchanged", _ work: () throws(HistoryError) -> T
    ) throws -> T {
        do {
            return try work()
        } catch {
            if let signal = InterruptSignal.receivedName {
                let what = stopped.map { "\(error.path): \($0)" } ?? error.description
                throw CommandFailure(message: "interrupted by \(signal): \(what)", verdict: .interrupted)
            }
            throw CommandFailure(message: error.description, verdict: .configurationError)
        }
    }
}

struct HistoryListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "One line per recorded run.")

    @Argument(help: "The history file.") var file: String
    @Option(name: .long, help: "Only the newest N runs.") var last: Int?

    func run() throws {
        let store = try HistoryCommand.open(file)
        let runs = try HistoryCommand.reading { () throws(HistoryError) in try store.runs(.summary) }
        print(HistoryText.list(last.map { Array(runs.suffix(max(0, $0))) } ?? runs, path: file), terminator: "")
    }
}

struct HistoryShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Everything recorded of one run (its latency percentiles read from its histogram).")

    @Argument(help: "The history file.") var file: String
    @Argument(help: "The run: its number (as `list` shows it, with or without #) or `latest`.") var runNumber: String

    func run() throws {
        let store = try HistoryCommand.open(file)
        let id: Int64
        if runNumber == "latest" {
            guard let latest = try HistoryCommand.reading({ () throws(HistoryError) in try store.runs(.summary) }).last
            else { throw CommandFailure(message: "\(file): no runs recorded yet", verdict: .configurationError) }
            id = latest.id
        } else {
            guard let number = Int64(runNumber.hasPrefix("#") ? String(runNumber.dropFirst()) : runNumber) else {
                throw ValidationError("the run is a number or `latest`, got '\(runNumber)'")
            }
            id = number
        }
        guard let recorded = try HistoryCommand.reading({ () throws(HistoryError) in try store.run(id: id) }) else {
            throw CommandFailure(
                message: "\(file): no run #\(id) (see `csar-check history list \(file)`)", verdict: .configurationError)
        }
        print(HistoryText.show(recorded), terminator: "")
    }
}

struct HistoryExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the runs as CSV: one row per run and metric, or Apache Otava's one row per run.")

    @Argument(help: "The history file.") var file: String
    @Flag(name: .long, help: "CSV (the only format; required, so scripts say what they expect).") var csv = false
    @Flag(name: .long, help: "Apache Otava's shape: one row per comparable run, one column per series.") var otava =
        false
    @Option(name: [.short, .long], help: "Write to this file instead of standard output.") var output: String?

    func run() throws {
        guard csv else { throw ValidationError("say --csv (the export format)") }
        let store = try HistoryCommand.open(file)
        let runs = try HistoryCommand.reading { () throws(HistoryError) in try store.runs() }
        let text = otava ? HistoryCSV.otava(runs) : HistoryCSV.long(runs)
        guard let output else {
            print(text, terminator: "")
            return
        }
        do {
            try ReportFile.write(Data(text.utf8), to: output)
        } catch {
            throw CommandFailure(
                message: "cannot write \(output): \(error.localizedDescription)", verdict: .configurationError)
        }
        print("Exported \(runs.count) run(s) to \(output)")
    }
}

struct HistoryPruneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune", abstract: "Delete all but the newest N runs (the file is compacted).")

    @Argument(help: "The history file.") var file: String
    @Option(name: .long, help: "How many of the newest runs to keep.") var keep: Int

    func run() throws {
        guard keep >= 0 else { throw ValidationError("--keep must be 0 or more") }
        let store = try HistoryCommand.openForChanging(file)
        let deleted = try HistoryCommand.reading(stopped: nil) { () throws(HistoryError) in
            try store.prune(keep: keep)
        }
        print("Pruned \(file): \(deleted) run(s) deleted, the newest \(keep) kept")
    }
}
