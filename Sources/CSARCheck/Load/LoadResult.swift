import Foundation
import Histogram

/// The outcome of a load run: counts, distributions and per-second figures — never a list of every
/// response, so its size does not grow with the run. Codable, for JSON reports and comparisons.
public struct LoadResult: Sendable, Codable {
    public var plan: LoadPlanSummary
    public var startedAt: Date
    /// Seconds from the first request started to the end of the run.
    public var wallTime: Double
    public var stopReason: LoadStopReason
    /// Responses received, whatever their status.
    public var responses: Int
    public var statusCounts: [StatusCount]
    public var transportErrors: [TransportErrorCount]
    /// Response body bytes received (`ab`'s "HTML transferred").
    public var bodyBytes: Int
    /// Response header bytes received; with the bodies, `ab`'s "Total transferred".
    public var headerBytes: Int
    public var documentLength: DocumentLength?
    /// The `Server` header of the first response.
    public var serverSoftware: String?
    public var connectionsOpened: Int
    /// TLS handshakes completed (a new HTTPS connection each), and how many resumed a session (`--tls-resume`).
    public var tlsHandshakes = 0
    public var tlsResumed = 0
    /// OpenSSL contexts made for those connections (one per thread when shared; see ccurl_tls_interposes_SSL_CTX_new.c).
    var tlsContexts = 0
    public var latency: LatencyHistograms
    public var timeline: [SecondBucket]
    /// The open model's target and achieved rate; nil for the closed model.
    public var schedule: ScheduleReport?
    /// Things the reader must know to trust the figures (ceilings hit, generator behind, hidden stalls).
    public var warnings: [String]
    /// The statuses the run expected (the load section's `expect_status:`, by default 2xx and 3xx).
    public var expectedStatus: StatusExpectation = .successOrRedirect

    /// Responses with a status the run did not expect, by status (a 429 of a throttled API, a 503, a 404).
    public var unexpectedStatusCounts: [StatusCount] {
        statusCounts.filter { !expectedStatus.accepts($0.status) }
    }

    public var unexpectedResponses: Int { unexpectedStatusCounts.reduce(0) { $0 + $1.count } }

    /// Percent of requests in error — no response, or a status the run did not expect (the runbook's
    /// "demandes en erreur"); 0 when nothing completed.
    public var errorRate: Double {
        completed == 0 ? 0 : Double(transportErrorCount + unexpectedResponses) * 100 / Double(completed)
    }

    /// Requests that ended, with a response or a transport error.
    public var completed: Int { responses + transportErrorCount }
    public var transportErrorCount: Int { transportErrors.reduce(0) { $0 + $1.count } }

    /// Responses whose status is in `range` (e.g. `500...599`).
    public func responses(in range: ClosedRange<Int>) -> Int {
        statusCounts.filter { range.contains($0.status) }.reduce(0) { $0 + $1.count }
    }

    public var serverErrors: Int { responses(in: 500...599) }

    /// Percent of requests that got an answer other than a 5xx; 0 when nothing completed.
    public var availability: Double {
        completed == 0 ? 0 : Double(completed - serverErrors - transportErrorCount) * 100 / Double(completed)
    }

    public var requestsPerSecond: Double {
        wallTime > 0 ? Double(completed) / wallTime : 0
    }

    public var tlsHandshakesPerSecond: Double {
        wallTime > 0 ? Double(tlsHandshakes) / wallTime : 0
    }

    /// Nothing answered and every failure says the target could not be reached (DNS, connect, TLS).
    static let unreachablePhases: [TransportError.Phase] = [.dns, .connect, .tls]

    public var isUnreachable: Bool {
        responses == 0 && !transportErrors.isEmpty
            && transportErrors.allSatisfy { Self.unreachablePhases.contains($0.phase) }
    }
}

/// Why the run ended.
public enum LoadStopReason: String, Sendable, Codable {
    /// Every request asked for (or scheduled) was sent and answered.
    case completed
    /// The duration asked for passed.
    case duration
    /// The request ceiling stopped a run that asked for none or more.
    case requestCeiling
    /// The duration ceiling stopped a run that asked for no duration.
    case durationCeiling
    /// Ctrl-C (or the caller) stopped the run early: the result is partial.
    case interrupted
    /// The first requests all failed to reach the target, so the run stopped.
    case unreachable
}

public struct StatusCount: Sendable, Codable, Equatable {
    public var status: Int
    public var count: Int

    public init(status: Int, count: Int) {
        self.status = status
        self.count = count
    }
}

/// Transfers that failed in one phase, with the first such error as an example.
public struct TransportErrorCount: Sendable, Codable, Equatable {
    public var phase: TransportError.Phase
    public var count: Int
    public var example: String

    public init(phase: TransportError.Phase, count: Int, example: String) {
        self.phase = phase
        self.count = count
        self.example = example
    }
}

/// Body sizes seen: the first (as `ab` reports it) and the range, which differs for dynamic pages.
public struct DocumentLength: Sendable, Codable, Equatable {
    public var first: Int
    public var min: Int
    public var max: Int

    public init(first: Int, min: Int, max: Int) {
        self.first = first
        self.min = min
        self.max = max
    }

    mutating func include(_ size: Int) {
        min = Swift.min(min, size)
        max = Swift.max(max, size)
    }

    mutating func merge(_ other: DocumentLength) {
        include(other.min)
        include(other.max)
    }
}

/// The open model's schedule against what was achieved.
public struct ScheduleReport: Sendable, Codable, Equatable {
    /// Requests per second asked for.
    public var targetRate: Double
    /// Requests started per second over the run.
    public var achievedRate: Double
    public var sent: Int
    /// Requests started a millisecond or more after they were due.
    public var late: Int
    /// Requests that were due while every connection of the pool was busy.
    public var queued: Int
    /// The largest delay between a request's intended and actual start, in seconds.
    public var maxLag: Double

    public init(targetRate: Double, achievedRate: Double, sent: Int, late: Int, queued: Int, maxLag: Double) {
        self.targetRate = targetRate
        self.achievedRate = achievedRate
        self.sent = sent
        self.late = late
        self.queued = queued
        self.maxLag = maxLag
    }
}

/// One second of the run: requests that ended in it, by class, and their latency percentiles (µs).
public struct SecondBucket: Sendable, Codable, Equatable {
    /// Seconds since the start (0 is the first second).
    public var second: Int
    public var requests: Int
    /// 1xx, 2xx and 3xx responses.
    public var ok: Int
    public var clientErrors: Int
    public var serverErrors: Int
    public var transportErrors: Int
    public var p50: UInt64
    public var p95: UInt64
    public var p99: UInt64

    public init(
        second: Int, requests: Int, ok: Int, clientErrors: Int, serverErrors: Int, transportErrors: Int,
        p50: UInt64, p95: UInt64, p99: UInt64
    ) {
        self.second = second
        self.requests = requests
        self.ok = ok
        self.clientErrors = clientErrors
        self.serverErrors = serverErrors
        self.transportErrors = transportErrors
        self.p50 = p50
        self.p95 = p95
        self.p99 = p99
    }
}
