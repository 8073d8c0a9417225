/// One tracked series: a metric of a load section or of a step, one point per comparable run.
struct TrendSeries: Sendable {
    /// `load: Nightly load` or `step: Smoke › Home page answers`.
    var subject: String
    var metric: TrendMetric
    var points: [TrendPoint]

    /// `load: Nightly load · p95`: unique within a trend, and the seed of its permutations.
    var id: String { "\(subject) · \(metric.rawValue)" }
}

/// A run's value in a series; latency points carry the run's histogram, rate points their counts.
struct TrendPoint: Sendable {
    var runId: Int64
    /// In the metric's unit: µs, req/s, a fraction, seconds.
    var value: Double
    var histogram: LatencyCounts?
    /// For rates: how many requests were errors (or unexpected), out of how many.
    var events: Int = 0
    var trials: Int = 0
}

/// Turns recorded runs into series: per load section p50, p95, p99, max (from its histogram), req/s,
/// error rate and unexpected-status rate; per step its duration. Series are matched across runs by
/// name (a step named twice in a scenario gets `(2)`); a run without a series' subject is simply
/// not a point of it.
enum TrendSeriesBuilder {
    static func series(of runs: [RecordedRun]) -> [TrendSeries] {
        var order: [String] = []
        var bySubject: [String: [TrendMetric: [TrendPoint]]] = [:]
        func add(_ subject: String, _ metric: TrendMetric, _ point: TrendPoint) {
            if bySubject[subject] == nil {
                order.append(subject)
                bySubject[subject] = [:]
            }
            bySubject[subject]?[metric, default: []].append(point)
        }
        for run in runs {
            for load in run.loads where load.requests > 0 {
                let subject = "load: \(load.name)"
                let histogram = load.histograms["total"].flatMap(LatencyCounts.init(base64:))
                for metric in [TrendMetric.p50, .p95, .p99, .max] {
                    guard let histogram, let value = histogram.value(atPercentile: metric.percentile ?? 50) else {
                        continue
                    }
                    add(subject, metric, TrendPoint(runId: run.id, value: value, histogram: histogram))
                }
                add(subject, .requestsPerSecond, TrendPoint(runId: run.id, value: load.requestsPerSecond))
                add(subject, .errorRate, rate(run.id, load.errors, load.requests))
                add(subject, .unexpectedStatusRate, rate(run.id, load.unexpectedResponses, load.requests))
            }
            var seen: [String: Int] = [:]
            for step in run.steps {
                let base = "step: \(step.scenario) › \(step.name)"
                let occurrence = (seen[base] ?? 0) + 1
                seen[base] = occurrence
                guard step.outcome != "skipped", let seconds = step.totalSeconds else { continue }
                add(
                    occurrence == 1 ? base : "\(base) (\(occurrence))", .duration,
                    TrendPoint(runId: run.id, value: seconds))
            }
        }
        return order.flatMap { subject in
            TrendMetric.allCases.compactMap { metric in
                bySubject[subject]?[metric].map { TrendSeries(subject: subject, metric: metric, points: $0) }
            }
        }
    }

    private static func rate(_ runId: Int64, _ events: Int, _ trials: Int) -> TrendPoint {
        TrendPoint(runId: runId, value: Double(events) / Double(trials), events: events, trials: trials)
    }
}
