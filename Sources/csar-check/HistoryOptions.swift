import ArgumentParser
import CSARCheck
import CSARHistory
import Foundation

/// `--history FILE` and `--label key=value`: record the run in a history file for `trend`.
struct HistoryOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp("Record this run in a history file (SQLite, created on first use).", valueName: "file"))
    var history: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A label stored with the recorded run (repeatable), e.g. release=2.3 or commit=abc123.",
            valueName: "key=value"))
    var label: [String] = []

    /// Checks the labels and opens (or creates) the file before anything is sent: a history that cannot
    /// be written is a usage error found at once, not after a long run.
    func open() throws -> HistoryRecorder? {
        let labels = try RunLabels.parse(label, flag: "--label")
        guard let history else {
            if !labels.isEmpty { throw ValidationError("--label needs --history FILE to record the run in") }
            return nil
        }
        do {
            return HistoryRecorder(store: try HistoryStore(path: history, create: true), labels: labels)
        } catch {
            throw CommandFailure(message: "history \(error.description)", verdict: .configurationError)
        }
    }
}

/// Parses `key=value` labels: the key is a name (letters, digits, `_`, `-`, `.`), the value any text.
enum RunLabels {
    static func parse(_ pairs: [String], flag: String) throws -> [RunLabel] {
        var labels: [String: String] = [:]
        for pair in pairs {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw ValidationError("\(flag) expects key=value, got '\(pair)'")
            }
            let key = String(pair[..<equals])
            guard key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_-.".contains($0)) }) else {
                throw ValidationError("\(flag) key '\(key)' may hold only letters, digits, '_', '-' and '.'")
            }
            labels[key] = String(pair[pair.index(after: equals)...])
        }
        return labels.sorted { $0.key < $1.key }.map { RunLabel(key: $0.key, value: $0.value) }
    }
}

/// An open history file and the labels to store with the run.
struct HistoryRecorder {
    var store: HistoryStore
    var labels: [RunLabel]

    /// Records the run and says where; returns the run's id, or nil (after printing why) when it failed.
    @discardableResult
    func record(_ report: RunReport, command: String? = nil) -> Int64? {
        do {
            let id = try store.record(report, command: command, labels: labels)
            print("History: run #\(id) recorded in \(store.path)")
            return id
        } catch {
            ScenarioExecution.printError("error: history \(error.description): the run was not recorded")
            return nil
        }
    }
}
