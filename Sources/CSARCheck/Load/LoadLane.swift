/// One event-loop thread's share of a plan: its connections and its part of the requests.
struct LoadLane: Sendable {
    let index: Int
    let count: Int
    /// Requests this lane may have in flight at once.
    let concurrency: Int
    /// Requests this lane may start.
    let requestLimit: Int
    /// The open model's schedule for this lane; nil for the closed model.
    let pacer: LoadPacer?

    /// Splits `plan` into `plan.threads` lanes; shares differ by at most one.
    static func lanes(for plan: LoadPlan) -> [LoadLane] {
        let count = plan.threads
        let limit = plan.requestLimit
        return (0..<count).map { index in
            LoadLane(
                index: index, count: count,
                concurrency: share(of: plan.concurrency, lane: index, lanes: count),
                requestLimit: share(of: limit, lane: index, lanes: count),
                pacer: plan.rate.map {
                    LoadPacer(rate: $0, total: UInt64(limit), lane: UInt64(index), lanes: UInt64(count))
                }
            )
        }
    }

    static func share(of total: Int, lane: Int, lanes: Int) -> Int {
        total / lanes + (lane < total % lanes ? 1 : 0)
    }

    /// The run-wide index of this lane's request number `sent`, which picks its target.
    func scheduleIndex(ofLaneRequest sent: Int) -> Int {
        sent * count + index
    }
}
