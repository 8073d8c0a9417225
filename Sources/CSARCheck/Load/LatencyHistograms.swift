import Histogram

/// Where the time of one finished transfer went, in microseconds.
struct TransferSample {
    /// From the moment latency counts from (the intended start in the open model) to the last byte.
    var total: UInt64
    /// From the moment the request was actually handed to libcurl to the last byte.
    var service: UInt64
    var dns: UInt64
    var connect: UInt64
    var tls: UInt64
    /// Request sent (connection ready) to first response byte: the server's time.
    var wait: UInt64
    var transfer: UInt64
}

/// The latency distributions of a load run, in microseconds, as HdrHistograms: fixed memory however
/// many requests are recorded, mergeable across event-loop threads, percentiles to 3 digits.
public struct LatencyHistograms: Sendable, Codable {
    /// One hour: anything slower is recorded as one hour rather than dropped.
    public static let highestTrackable: UInt64 = 3_600_000_000

    /// The latency users see: from the start the request counts from to its last byte. In the open
    /// model that start is the intended one, so time spent queued behind a stalled server counts.
    public var total: Histogram<UInt64>
    /// From the actual start of each request (equal to `total` in the closed model).
    public var service: Histogram<UInt64>
    public var dns: Histogram<UInt64>
    public var connect: Histogram<UInt64>
    public var tls: Histogram<UInt64>
    /// Time to first byte after the request was sent (TTFB, the server's time).
    public var wait: Histogram<UInt64>
    public var transfer: Histogram<UInt64>
    /// Until the connection was ready to use (DNS + TCP + TLS): `ab`'s "Connect" row.
    public var setup: Histogram<UInt64>
    /// Total minus setup: `ab`'s "Processing" row.
    public var processing: Histogram<UInt64>

    public init() {
        let empty = Self.makeHistogram()
        (total, service, dns, connect, tls, wait, transfer, setup, processing) =
            (empty, empty, empty, empty, empty, empty, empty, empty, empty)
    }

    /// A histogram with the layout every latency histogram of a run shares, so they can be merged.
    public static func makeHistogram(digits: SignificantDigits = .three) -> Histogram<UInt64> {
        Histogram<UInt64>(highestTrackableValue: highestTrackable, numberOfSignificantValueDigits: digits)
    }

    mutating func record(_ sample: TransferSample) {
        let setupTime = sample.dns + sample.connect + sample.tls
        total.record(clamped(sample.total))
        service.record(clamped(sample.service))
        dns.record(clamped(sample.dns))
        connect.record(clamped(sample.connect))
        tls.record(clamped(sample.tls))
        wait.record(clamped(sample.wait))
        transfer.record(clamped(sample.transfer))
        setup.record(clamped(setupTime))
        processing.record(clamped(sample.total > setupTime ? sample.total - setupTime : 0))
    }

    /// Adds another thread's distributions into these (same layout by construction).
    mutating func add(_ other: LatencyHistograms) {
        total.add(other.total)
        service.add(other.service)
        dns.add(other.dns)
        connect.add(other.connect)
        tls.add(other.tls)
        wait.add(other.wait)
        transfer.add(other.transfer)
        setup.add(other.setup)
        processing.add(other.processing)
    }

    /// The phases in the order a request goes through them, with display names.
    public var phases: [(name: String, histogram: Histogram<UInt64>)] {
        [("DNS", dns), ("connect", connect), ("TLS", tls), ("wait (TTFB)", wait), ("transfer", transfer)]
    }

    @inline(__always)
    func clamped(_ value: UInt64) -> UInt64 {
        min(value, Self.highestTrackable)
    }
}
