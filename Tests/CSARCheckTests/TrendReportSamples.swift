import CSARHistory
import Foundation

@testable import CSARCheck

/// Histories recorded from crafted runs, for the trend reports' tests and the browser's samples: nightly
/// runs of a gate scenario and a load section whose latency steps up at `shiftAt`.
enum TrendReportSamples {
    static let start = Date(timeIntervalSince1970: 1_795_000_000)

    static func history(
        at path: String, runs: Int, shiftAt: Int? = nil, loadName: String = "Nightly load — home"
    ) throws -> HistoryStore {
        let store = try HistoryStore(path: path, create: true)
        var noise = TrendFixtures.Noise(seed: 99)
        for index in 0..<runs {
            let shifted = shiftAt.map { index >= $0 } ?? false
            let level = (shifted ? 31_000.0 : 20_000) * (1 + 0.03 * noise.normal())
            let latencies = (0..<200).map { _ in UInt64(max(500, level * exp(0.2 * noise.normal()))) }
            var result = LoadFixtures.result(
                plan: LoadFixtures.plan(requests: 200, concurrency: 4), latencies: latencies,
                wallTime: 200 * level / 4 / 1e6)
            result.startedAt = start + Double(index) * 86_400
            let when = start + Double(index) * 86_400
            let report = RunReport(
                command: "nightly", target: HTMLReportFixtures.base, hostname: "ci-runner-1", startedAt: when,
                finishedAt: when + 62,
                verdict: VerdictReport(passed: true, exitCode: 0, headline: "PASSED — 1 scenario, 2 steps, 1 load run"),
                scenarios: [
                    ScenarioReport(
                        HTMLReportFixtures.scenario(steps: [
                            HTMLReportFixtures.homeStep(), HTMLReportFixtures.loginStep(),
                        ]))
                ],
                loads: [LoadReport(name: loadName, result: result)])
            try store.record(report, labels: [RunLabel(key: "release", value: "2.\(index / 7)")])
        }
        return store
    }

    static func trend(_ store: HistoryStore) throws -> TrendReport {
        try TrendAnalysis().report(of: try store.runs(), history: store.path, now: start + 40 * 86_400)
    }
}
