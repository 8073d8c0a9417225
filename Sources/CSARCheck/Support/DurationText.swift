import Foundation

/// Parses human durations used in files and on the command line.
public enum DurationText {
    /// Seconds for `2s`, `500ms`, `1.5s`, `2m`, `1h`, `250us`, or a bare number of seconds; nil otherwise.
    public static func seconds(_ text: String) -> Double? {
        let trimmed = text.trimmingEdges(of: " ")
        let units: [(suffix: String, scale: Double)] = [
            ("ms", 1e-3), ("us", 1e-6), ("µs", 1e-6), ("s", 1), ("m", 60), ("h", 3600),
        ]
        for unit in units where trimmed.hasSuffix(unit.suffix) {
            guard let value = Double(trimmed.dropLast(unit.suffix.count).trimmingEdges(of: " ")) else { return nil }
            return value * unit.scale
        }
        return Double(trimmed)
    }

    /// `1.234 s`, `87 ms` or `950 µs`: the unit that keeps the number readable.
    public static func format(_ seconds: Double) -> String {
        if seconds >= 1 { return String(format: "%.3f s", seconds) }
        if seconds >= 0.001 { return String(format: "%.1f ms", seconds * 1000) }
        return String(format: "%.0f µs", seconds * 1_000_000)
    }

    /// A time limit as people set one: `60 s`, `1.5 s`, `500 ms`.
    public static func limit(_ seconds: Double) -> String {
        seconds >= 1
            ? "\(NumberFormatting.shortest(seconds)) s" : "\(NumberFormatting.shortest(seconds * 1000)) ms"
    }
}
