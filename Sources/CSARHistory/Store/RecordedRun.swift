import CSARCheck
import Foundation

/// One run as the history file keeps it: its metadata and labels, every step's timings and outcome,
/// every criterion, and each load section with its summary and HdrHistograms.
public struct RecordedRun: Sendable {
    /// The run's number in the file, as `history list` shows it (`#12`) and `--baseline` takes it.
    public var id: Int64
    public var startedAt: Date
    public var finishedAt: Date
    /// The subcommand that ran: `gate`, `run`, `load`, `demo` or `nightly`.
    public var command: String
    public var target: String
    /// `csar-check 0.4.0`.
    public var tool: String
    public var hostname: String
    public var exitCode: Int32
    public var passed: Bool
    public var interrupted: Bool
    public var headline: String
    /// `--label key=value` pairs, sorted by key.
    public var labels: [RunLabel]
    public var steps: [RecordedStep]
    public var criteria: [RecordedCriterion]
    public var loads: [RecordedLoad]

    /// A run whose figures a trend can use: it finished and reached the target (exit 0 or 1).
    public var isComparable: Bool { !interrupted && (exitCode == 0 || exitCode == 1) }

    /// `release=2.3 commit=abc123`, or empty.
    public var labelText: String {
        labels.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    }
}

/// A `--label key=value` recorded with a run (a release, a commit), shown in lists and exported as an attribute.
public struct RunLabel: Sendable, Equatable, Codable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// A step's outcome and libcurl timings (seconds); timings are nil when no response came.
public struct RecordedStep: Sendable {
    public var position: Int
    public var scenario: String
    public var file: String
    public var name: String
    /// `passed`, `failed`, `error` or `skipped`.
    public var outcome: String
    public var attempts: Int
    public var status: Int?
    public var totalSeconds: Double?
    public var dnsSeconds: Double?
    public var connectSeconds: Double?
    public var tlsSeconds: Double?
    public var waitSeconds: Double?
    public var transferSeconds: Double?
}

/// A criterion of a recorded run: as written, where it applied, what was measured and whether it held.
public struct RecordedCriterion: Sendable {
    public var position: Int
    public var expression: String
    public var severity: String
    public var scope: String
    public var measured: Double?
    public var measuredText: String
    public var passed: Bool
}

/// A load section: what the summary showed, the status counts, and the histograms themselves.
public struct RecordedLoad: Sendable {
    public var position: Int
    public var name: String
    /// The plan in words: `GET open 20 req/s, for 60 s, concurrency 20, keep-alive, HTTP/1.1, 1 thread`.
    public var plan: String
    public var stopReason: String
    public var wallTime: Double
    /// Requests that ended, with a response or a transport error.
    public var requests: Int
    public var responses: Int
    public var transportErrors: Int
    public var requestsPerSecond: Double
    /// Percent of requests answered with something other than a 5xx.
    public var availability: Double
    public var p50Micros: UInt64
    public var p90Micros: UInt64
    public var p95Micros: UInt64
    public var p99Micros: UInt64
    public var p999Micros: UInt64
    public var maxMicros: UInt64
    public var meanMicros: Double
    /// Responses the run did not expect (statuses other than 2xx and 3xx), as it judged them.
    public var unexpectedResponses: Int
    public var statusCounts: [StatusCount]
    /// Per phase (`total`, `dns`, `connect`, `tls`, `wait`, `transfer`), HdrHistogram V2 compressed, base64.
    public var histograms: [String: String]

    /// Responses whose status is in `range`, e.g. `500...599`.
    public func responses(in range: ClosedRange<Int>) -> Int {
        statusCounts.filter { range.contains($0.status) }.reduce(0) { $0 + $1.count }
    }

    /// Requests in error for the trend: 5xx responses and transport errors.
    public var errors: Int { responses(in: 500...599) + transportErrors }

    /// `errors` as a fraction of the requests that ended.
    public var errorRate: Double {
        requests == 0 ? 0 : Double(errors) / Double(requests)
    }

    /// Unexpected responses, as a fraction of the requests that ended.
    public var unexpectedStatusRate: Double {
        requests == 0 ? 0 : Double(unexpectedResponses) / Double(requests)
    }
}
