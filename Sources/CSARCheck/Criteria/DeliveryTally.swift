/// The side effects of one kind a run waited for: how many, how many did not come as expected (not within
/// the wait, or not with the expected content), and how long the ones that came took.
public struct DeliveryTally: Sendable, Equatable {
    /// The step kinds that are deliveries (a subscription is not).
    static let kinds: Set<StepKind> = [.mail, .sms, .event]

    public var expected = 0
    public var missing = 0
    /// Seconds from the triggering request to each arrival.
    public var latencies: [Double] = []

    public init() {}

    /// The longest latency, nil when nothing came.
    public var longest: Double? { latencies.max() }

    mutating func add(_ step: StepResult) {
        expected += 1
        if step.outcome != .passed { missing += 1 }
        if let response = step.response { latencies.append(response.timings.total) }
    }

    func merged(with other: DeliveryTally) -> DeliveryTally {
        var merged = self
        merged.expected += other.expected
        merged.missing += other.missing
        merged.latencies += other.latencies
        return merged
    }
}
