import Foundation

@testable import CSARCheck

/// Load results built by hand, for the pure parts (verdict, warnings, summary text).
enum LoadFixtures {
    static let url = "http://127.0.0.1:18080/"

    static func plan(
        model: LoadModel = .closed, requests: Int? = 10, duration: Double? = nil, concurrency: Int = 2,
        keepAlive: Bool = true
    ) -> LoadPlan {
        LoadPlan(
            targets: [HTTPRequest(url: url)], model: model, requests: requests, duration: duration,
            concurrency: concurrency, keepAlive: keepAlive
        )
    }

    /// One response per latency (µs), statuses handed out in order, plus `failures` connect errors.
    static func result(
        plan: LoadPlan = plan(), latencies: [UInt64], statuses: [Int]? = nil, failures: Int = 0, wallTime: Double = 1
    ) -> LoadResult {
        var tally = LoadTally()
        for (index, latency) in latencies.enumerated() {
            let status = statuses?[index % (statuses?.count ?? 1)] ?? 200
            let sample = TransferSample(
                total: latency, service: latency, dns: 0, connect: index < 2 ? 100 : 0, tls: 0,
                wait: latency * 3 / 4, transfer: latency / 8
            )
            tally.recordResponse(
                status: status, bodySize: 2_143, headerSize: 238, newConnections: index < 2 ? 1 : 0, sample: sample)
        }
        for _ in 0..<failures {
            tally.recordFailure(
                TransportError(
                    url: url, phase: .connect, code: 7, message: "Failed to connect to 127.0.0.1 port 18080"),
                newConnections: 0
            )
        }
        tally.serverSoftware = "nginx/1.22.1"
        return LoadEngine.result(
            of: plan,
            outcomes: [
                LoadWorkerOutcome(tally: tally, reason: .completed, finishedAt: UInt64(wallTime * 1e9), abandoned: 0)
            ],
            timeline: [], startedAt: Date(timeIntervalSince1970: 0), origin: 0
        )
    }
}
