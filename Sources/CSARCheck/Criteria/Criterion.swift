/// A pass/fail rule on a measured figure: `p95 < 2s`, `http_5xx == 0`, `availability >= 99.5%`.
public struct Criterion: Sendable, CustomStringConvertible {
    public enum Operator: String, Sendable, CaseIterable {
        case lessOrEqual = "<="
        case greaterOrEqual = ">="
        case equal = "=="
        case notEqual = "!="
        case less = "<"
        case greater = ">"

        func holds(_ lhs: Double, _ rhs: Double) -> Bool {
            switch self {
            case .less: lhs < rhs
            case .lessOrEqual: lhs <= rhs
            case .greater: lhs > rhs
            case .greaterOrEqual: lhs >= rhs
            case .equal: lhs == rhs
            case .notEqual: lhs != rhs
            }
        }
    }

    /// An error fails the run; a warning is reported and leaves the verdict alone.
    public enum Severity: String, Sendable, Codable {
        case error, warning
    }

    public var metric: Metric
    public var op: Operator
    /// In the metric's base unit: seconds, a count, a percent (0–100), requests per second.
    public var threshold: Double
    public var severity: Severity
    /// The expression as written.
    public var source: String
    /// Where it was written; nil for the runbook's defaults.
    public var location: SourceLocation?

    public var description: String { source }

    /// Parses `metric op value[unit]`, e.g. `p99 < 3s`, `max < 500ms`, `availability >= 99.5%`.
    public init(
        parsing text: String, severity: Severity = .error, location: SourceLocation? = nil
    ) throws(CriterionSyntaxError) {
        let trimmed = text.trimmingEdges(of: " ")
        guard let op = Operator.allCases.first(where: { trimmed.contains($0.rawValue) }),
            let range = trimmed.range(of: op.rawValue)
        else {
            throw CriterionSyntaxError(
                "'\(text)' has no comparison; write e.g. 'p95 < 2s' (operators: < <= > >= == !=)")
        }
        let name = trimmed[..<range.lowerBound].trimmingEdges(of: " ")
        guard let metric = Metric.parse(name) else {
            throw CriterionSyntaxError(
                "unknown metric '\(name)' in '\(text)'\(Suggestion.didYouMean(name, among: Metric.suggestions)); known: \(Metric.names)"
            )
        }
        let valueText = trimmed[range.upperBound...].trimmingEdges(of: " ")
        self.metric = metric
        self.op = op
        threshold = try Self.threshold(valueText, for: metric, in: text)
        self.severity = severity
        source = trimmed
        self.location = location
    }

    private static func threshold(
        _ text: String, for metric: Metric, in expression: String
    ) throws(CriterionSyntaxError) -> Double {
        switch metric.kind {
        case .duration:
            guard Double(text) == nil, let seconds = DurationText.seconds(text),
                DurationRule.threshold.problem(seconds) == nil
            else {
                throw CriterionSyntaxError(
                    "'\(expression)': \(metric) takes a duration with its unit, e.g. 2s or 500ms")
            }
            return seconds
        case .percent:
            let number = text.hasSuffix("%") ? String(text.dropLast()).trimmingEdges(of: " ") : text
            guard let value = Double(number), (0...100).contains(value) else {
                throw CriterionSyntaxError("'\(expression)': \(metric) takes a percentage from 0 to 100, e.g. 99.5%")
            }
            return value
        case .count, .rate:
            let number = text.hasSuffix("/s") ? String(text.dropLast(2)) : text
            guard let value = Double(number), value >= 0, value.isFinite else {
                throw CriterionSyntaxError("'\(expression)': \(metric) takes a number, e.g. 0")
            }
            return value
        }
    }
}

public struct CriterionSyntaxError: Error, Sendable, CustomStringConvertible {
    public var message: String

    init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
