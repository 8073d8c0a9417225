import Foundation

@testable import CSARHistory

/// Whole trend reports from crafted series, without a history file.
enum TrendAnalysisFixtures {
    static func report(series: [TrendSeries], settings: TrendSettings = TrendSettings()) throws -> TrendReport {
        let analyzer = SeriesAnalyzer(settings: settings)
        let analyses = series.map(analyzer.analyze)
        let findings = analyses.flatMap(\.findings)
        let regressions = findings.filter(\.isRegression)
        return TrendReport(
            tool: "csar-check test", history: "crafted", generatedAt: Date(timeIntervalSince1970: 0),
            settings: settings,
            window: "crafted", runs: [], series: analyses,
            verdict: .init(
                status: regressions.isEmpty ? .noRegression : .regression, exitCode: regressions.isEmpty ? 0 : 1,
                headline: "", regressions: regressions, improvements: findings.filter { !$0.isRegression }, notes: []))
    }
}
