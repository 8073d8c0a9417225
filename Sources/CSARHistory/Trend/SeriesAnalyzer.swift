import Foundation

/// Decides one series: change points over the window, then the two rules.
///
/// - Change point rule: when change points split the window, the latest segment's level is compared
///   with the first segment's (the baseline); a regression needs the change to be significant (the
///   permutation test) and larger than the tolerance. A slow drift is split into steps, and all of them
///   add up against the baseline.
/// - Latest-run rule: the latest run against the runs of its own segment before it (`LatestRunTest`);
///   a regression needs p ≤ `latestAlpha`, a value beyond every one of those runs, and a change larger
///   than the tolerance. It sees a shift the first night, before the change-point test can.
///
/// Improvements are found the same way and reported, never failed on.
struct SeriesAnalyzer {
    let settings: TrendSettings

    func analyze(_ series: TrendSeries) -> SeriesAnalysis {
        let points = series.points
        let metric = series.metric
        let tolerance = settings.tolerance(for: metric)
        var analysis = SeriesAnalysis(
            id: series.id, subject: series.subject, metric: metric, tolerance: tolerance.describe(for: metric),
            points: points.map { .init(runId: $0.runId, value: $0.value) }, changePoints: [], baseline: nil,
            verdict: .stable, findings: [], notes: [])
        let minimumChange = settings.minimumRunsForChangePoints
        let minimumLatest = settings.minimumReferenceRuns + 1
        guard points.count >= min(minimumChange, minimumLatest) else {
            analysis.verdict = .insufficientHistory
            analysis.baseline = level(points[...], metric, tolerance)
            analysis.notes.append(
                "\(points.count) run(s): the latest-run test needs \(minimumLatest), change points need \(minimumChange)"
            )
            return analysis
        }
        var changes: [ChangePointDetector.ChangePoint] = []
        if points.count >= minimumChange {
            let detector = ChangePointDetector(alpha: settings.alpha, permutations: settings.permutations)
            changes = detector.changePoints(points.map { transformed($0.value, metric) }, seed: series.id)
        } else {
            analysis.notes.append("change points need \(minimumChange) runs (has \(points.count))")
        }
        let bounds = [0] + changes.map(\.index) + [points.count]
        let segments = zip(bounds, bounds.dropFirst()).map { points[$0..<$1] }
        analysis.baseline = level(segments[0], metric, tolerance)
        analysis.changePoints = zip(changes, zip(segments, segments.dropFirst())).map { change, pair in
            let (before, after) = (value(of: pair.0, metric), value(of: pair.1, metric))
            return ChangePointReport(
                runId: points[change.index].runId, pValue: change.pValue, shuffles: change.shuffles,
                before: before, after: after, change: metric.formatChange(from: before, to: after))
        }
        if !changes.isEmpty, let last = segments.last {
            let finding = changePointFinding(series, segments: segments, changes: changes, tolerance)
            if let finding { analysis.findings.append(finding) }
            if finding == nil && last.first?.runId != points.first?.runId {
                analysis.verdict = .changedWithinTolerance
            }
        }
        let latestSegment = segments[segments.count - 1]
        let reference = Array(latestSegment.dropLast())
        if reference.count >= settings.minimumReferenceRuns {
            analysis.findings += latestRunFindings(series, reference: reference, tolerance)
        } else if !changes.isEmpty {
            analysis.notes.append(
                "latest-run test: \(reference.count) run(s) since the change at #\(latestSegment.first!.runId), "
                    + "it needs \(settings.minimumReferenceRuns)")
        }
        if analysis.findings.contains(where: \.isRegression) {
            analysis.verdict = .regression
        } else if !analysis.findings.isEmpty {
            analysis.verdict = .improvement
        }
        return analysis
    }

    /// The latest segment against the baseline, when change points separate them. It started at the
    /// first change after which the level stays beyond the tolerance in the same direction (a drift
    /// starts where its steps add up to more than the tolerance; a small earlier wobble does not count).
    private func changePointFinding(
        _ series: TrendSeries, segments: [ArraySlice<TrendPoint>], changes: [ChangePointDetector.ChangePoint],
        _ tolerance: Tolerance
    ) -> TrendFinding? {
        let metric = series.metric
        let before = value(of: segments[0], metric)
        let after = value(of: segments[segments.count - 1], metric)
        guard tolerance.isExceeded(from: before, to: after, metric: metric) else { return nil }
        let regression = metric.isWorse(from: before, to: after)
        let beyond = segments.indices.dropFirst().map { index in
            let level = value(of: segments[index], metric)
            return tolerance.isExceeded(from: before, to: level, metric: metric)
                && metric.isWorse(from: before, to: level) == regression
        }
        let firstBeyond = (beyond.lastIndex(of: false).map { $0 + 1 } ?? 0)
        let change = changes[min(firstBeyond, changes.count - 1)]
        let start = series.points[change.index]
        let runs = series.points.count - change.index
        let pValue = change.pValue
        let steps = segments.map { segment in
            "\(metric.format(value(of: segment, metric))) (\(runRange(segment)))"
        }.joined(separator: " → ")
        let message =
            "\(series.subject) \(metric.rawValue) \(regression ? "regressed" : "improved") "
            + "\(metric.formatChange(from: before, to: after)) since run #\(start.runId): \(steps); "
            + "change point, p = \(Self.formatP(pValue)) (\(Self.formatConfidence(pValue)) confidence), \(runs) run(s)"
        return TrendFinding(
            seriesId: series.id, subject: series.subject, metric: metric, rule: .changePoint,
            isRegression: regression, before: before, after: after,
            change: metric.formatChange(from: before, to: after), pValue: pValue, startedAtRun: start.runId,
            runs: runs, message: message)
    }

    /// The latest run against the runs before it in its segment. Runs just before the latest that are as
    /// far out are taken as the start of the same shift: the latest is then compared with the runs before
    /// them, and the finding says since when.
    private func latestRunFindings(
        _ series: TrendSeries, reference: [TrendPoint], _ tolerance: Tolerance
    )
        -> [TrendFinding]
    {
        guard let latest = series.points.last else { return [] }
        let metric = series.metric
        var outcome = LatestRunTest.test(reference: reference, latest: latest, metric: metric)
        let trailing = outcome.referencePWorse.reversed().prefix { $0 <= settings.latestAlpha }.count
        var before = reference
        if trailing > 0, reference.count - trailing >= settings.minimumReferenceRuns {
            before = Array(reference.dropLast(trailing))
            outcome = LatestRunTest.test(reference: before, latest: latest, metric: metric)
        }
        guard tolerance.isExceeded(from: outcome.reference, to: outcome.latest, metric: metric) else { return [] }
        let regression = metric.isWorse(from: outcome.reference, to: outcome.latest)
        let (pValue, beyond) =
            regression ? (outcome.pWorse, outcome.beyondWorst) : (outcome.pBetter, outcome.beyondBest)
        guard pValue <= settings.latestAlpha, beyond else { return [] }
        let shifted = regression && before.count < reference.count ? reference.count - before.count : 0
        let start = shifted > 0 ? reference[before.count] : latest
        let change = metric.formatChange(from: outcome.reference, to: outcome.latest)
        let message =
            "\(series.subject) \(metric.rawValue) \(regression ? "regressed" : "improved") \(change) in run "
            + "#\(latest.runId): \(metric.format(outcome.latest)) against \(metric.format(outcome.reference)) "
            + "for the \(before.count) run(s) #\(before[0].runId)–#\(before[before.count - 1].runId); "
            + "latest run outside their spread, p = \(Self.formatP(pValue)) "
            + "(\(Self.formatConfidence(pValue)) confidence)"
            + (shifted > 0
                ? "; the \(shifted) run(s) before it were out too, since #\(start.runId)" : "; one run so far")
        return [
            TrendFinding(
                seriesId: series.id, subject: series.subject, metric: metric, rule: .latestRun,
                isRegression: regression, before: outcome.reference, after: outcome.latest, change: change,
                pValue: pValue, startedAtRun: start.runId, runs: shifted + 1, message: message)
        ]
    }

    /// Latencies, durations and req/s vary by ratios: change points are looked for on their logarithm.
    private func transformed(_ value: Double, _ metric: TrendMetric) -> Double {
        metric.isRate ? value : log(max(value, 1e-12))
    }

    /// A segment's level: the median run (robust to one odd night), or for rates the pooled rate.
    private func value(of segment: ArraySlice<TrendPoint>, _ metric: TrendMetric) -> Double {
        if metric.isRate {
            let trials = segment.reduce(0) { $0 + $1.trials }
            return trials == 0 ? 0 : Double(segment.reduce(0) { $0 + $1.events }) / Double(trials)
        }
        return Statistics.median(segment.map(\.value))
    }

    private func level(
        _ segment: ArraySlice<TrendPoint>, _ metric: TrendMetric, _ tolerance: Tolerance
    )
        -> SeriesAnalysis.Level?
    {
        guard let first = segment.first, let last = segment.last else { return nil }
        let value = value(of: segment, metric)
        let limit: Double
        if metric.isRate {
            limit = value + tolerance.absolute
        } else {
            let relative = value * (metric.higherIsWorse ? 1 + tolerance.relative : 1 - tolerance.relative)
            let absolute = metric.higherIsWorse ? value + tolerance.absolute : value - tolerance.absolute
            limit = metric.higherIsWorse ? max(relative, absolute) : min(relative, absolute)
        }
        let values = segment.map(\.value)
        return SeriesAnalysis.Level(
            firstRun: first.runId, lastRun: last.runId, runs: segment.count, value: value,
            low: values.min() ?? value, high: values.max() ?? value, limit: limit)
    }

    private func runRange(_ segment: ArraySlice<TrendPoint>) -> String {
        guard let first = segment.first, let last = segment.last else { return "" }
        return first.runId == last.runId ? "#\(first.runId)" : "#\(first.runId)–#\(last.runId)"
    }

    static func formatP(_ p: Double) -> String {
        p < 0.001 ? String(format: "%.1e", p) : String(format: "%.3f", p)
    }

    static func formatConfidence(_ p: Double) -> String {
        let confidence = (1 - p) * 100
        return confidence >= 99.9 ? String(format: "%.2f %%", confidence) : String(format: "%.1f %%", confidence)
    }
}
