import Foundation

/// Formats doubles the way people write them: `14` rather than `14.0`.
enum NumberFormatting {
    static func shortest(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return String(value)
    }
}

extension Double {
    /// `40`, `12.5`, `0.33`: at most two decimals, no trailing zeros.
    var upToTwoDecimals: String {
        if magnitude >= 1e9 || (magnitude < 0.01 && self != 0) { return String(format: "%g", self) }
        var text = String(format: "%.2f", self)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
