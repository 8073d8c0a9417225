import Yams

/// Reads `criteria:` (errors) and `warnings:` lists of expressions such as `p95 < 2s`. An unknown
/// metric or a missing unit is an error here, at validate time — never a criterion that is silently true.
enum CriteriaLoading {
    static let keys = ["criteria", "warnings"]

    static func criteria(_ fields: MappingFields) throws(ScenarioError) -> [Criterion] {
        var criteria: [Criterion] = []
        for (key, severity) in [("criteria", Criterion.Severity.error), ("warnings", .warning)] {
            guard let node = fields.value(key) else { continue }
            for (index, item) in ScalarReading.oneOrMany(node).enumerated() {
                let keyPath = "\(fields.keyPath(key))[\(index)]"
                let text = try ScalarReading.string(item, key: keyPath, reader: fields.reader)
                do {
                    criteria.append(
                        try Criterion(parsing: text, severity: severity, location: fields.reader.location(of: item)))
                } catch {
                    throw fields.reader.error(at: item, key: keyPath, error.message)
                }
            }
        }
        return criteria
    }
}
