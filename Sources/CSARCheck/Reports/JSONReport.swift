import Foundation

/// The reports as JSON: stable key order, ISO 8601 dates, pretty-printed for diffs.
public enum JSONReport {
    /// A report as JSON, written the same way whatever it is: the run's `report.json`, the trend's `trend.json`.
    public static func encode(_ report: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(report)
    }
}
