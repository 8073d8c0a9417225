import CSARCheck
import Foundation

/// Columns padded to their widest cell, for the console; the last column is never padded. Each cell is shown
/// on its row, escaped (`terminalSafe`): a label or a scenario's name cannot start a line of its own.
struct TextTable {
    var header: [String]
    var rows: [[String]] = []

    func render(indent: String = "  ") -> String {
        let rows = rows.map { $0.map(\.terminalSafe) }
        let widths = header.indices.map { column in
            ([header] + rows).map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0
        }
        return ([header] + rows).map { row in
            indent
                + row.enumerated().map { column, cell in
                    column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
                }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}

enum ConsoleDate {
    /// `2026-12-01 18:24` in UTC, whatever the machine's zone.
    static func minutes(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
