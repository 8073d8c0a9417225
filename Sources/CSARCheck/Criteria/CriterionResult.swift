/// A criterion with what was measured for it.
public struct CriterionResult: Sendable {
    public var criterion: Criterion
    /// What the criterion was measured over: `run`, or a scenario's, step's or load's name.
    public var scope: String
    public var measured: Double?
    /// For error counts and rates, what the errors were: `429 × 504, no response × 3`.
    public var detail: String?

    /// Nothing measured (no request in scope) fails: a criterion is never silently true.
    public var passed: Bool {
        guard let measured else { return false }
        return criterion.op.holds(measured, criterion.threshold)
    }

    /// `p95 = 1.234 s`, or `p95: nothing measured`.
    public var measuredText: String {
        guard let measured else { return "\(criterion.metric): nothing measured" }
        return "\(criterion.metric) = \(criterion.metric.format(measured))" + (detail.map { " (\($0))" } ?? "")
    }
}

/// Evaluates criteria on measurements.
public enum CriteriaEvaluation {
    public static func evaluate(
        _ criteria: [Criterion], on measurements: Measurements, scope: String
    ) -> [CriterionResult] {
        criteria.map { criterion in
            let explained = criterion.metric == .errorRate || criterion.metric == .unexpected
            return CriterionResult(
                criterion: criterion, scope: scope, measured: measurements.value(of: criterion.metric),
                detail: explained ? measurements.errorDetail : nil
            )
        }
    }
}

/// The deployment runbook's success criteria, used when a run declares none of its own.
public enum RunbookCriteria {
    /// Responses under 2 s, zero HTTP 5xx (so zero 500), availability ≥ 99.5 %, and no more than 5 % of
    /// requests in error ("Demandes en erreur > 5 %": no response, or a status nobody expected, such as the
    /// 429s of a throttled API).
    public static let errors = ["max < 2s", "http_5xx == 0", "availability >= 99.5%", "error_rate <= 5%"]
    /// The runbook's alert level: any response over 5 s.
    public static let warnings = ["max <= 5s"]

    public static var all: [Criterion] {
        errors.compactMap { try? Criterion(parsing: $0, severity: .error) }
            + warnings.compactMap { try? Criterion(parsing: $0, severity: .warning) }
    }

    /// The list as help texts show it: `max < 2s, http_5xx == 0, …; as a warning, max <= 5s`.
    public static var summary: String {
        errors.joined(separator: ", ") + "; as a warning, " + warnings.joined(separator: ", ")
    }
}
