import Foundation

/// How a load run issues its requests.
public enum LoadModel: Sendable, Equatable, Codable {
    /// A fixed number of requests in flight, each connection sending its next request as soon as the
    /// previous one answered (`ab -n -c`, `wrk`). The server's speed sets the pace.
    case closed
    /// Requests start at a constant rate (per second) whatever the server does, and latency counts from
    /// each request's intended start, so a stalled server shows in the percentiles (wrk2, vegeta).
    case open(rate: Double)
}

/// Everything a load run needs: what to send, how hard, for how long, and the safety ceilings.
public struct LoadPlan: Sendable {
    /// The requests to send, taken in turn (request k of the run sends `targets[k % targets.count]`).
    public var targets: [HTTPRequest]
    public var model: LoadModel
    /// Stop after this many requests (`-n`). With `duration` too, whichever comes first.
    public var requests: Int?
    /// Stop after this many seconds (`-t`). With `requests` too, whichever comes first.
    public var duration: Double?
    /// Requests in flight at most: the closed model's connections, the open model's pool.
    public var concurrency: Int
    /// Reuse connections (`-k`); off, every request opens a fresh connection and closes it, as `ab` does.
    public var keepAlive: Bool
    /// Event-loop threads, each with its own libcurl multi handle, merged at the end.
    public var threads: Int
    /// Resume TLS sessions (`--tls-resume`): each connection after a slot's first offers the session
    /// the server gave that slot, and the handshake skips the certificate and key exchange. Off, every
    /// connection makes a full handshake, as ab's do, as a first visit does.
    public var tlsResume: Bool
    /// Timeouts, TLS verification, HTTP/2 and user agent, as for scenario runs.
    public var transfer: TransferOptions
    public var ceilings: LoadCeilings

    public init(
        targets: [HTTPRequest], model: LoadModel = .closed, requests: Int? = nil, duration: Double? = nil,
        concurrency: Int = 1, keepAlive: Bool = false, threads: Int = 1, tlsResume: Bool = false,
        transfer: TransferOptions = .init(), ceilings: LoadCeilings = .init()
    ) {
        self.targets = targets
        self.model = model
        self.requests = requests
        self.duration = duration
        self.concurrency = concurrency
        self.keepAlive = keepAlive
        self.threads = threads
        self.tlsResume = tlsResume
        self.transfer = transfer
        self.ceilings = ceilings
    }

    /// Requests in flight when none is asked for: 1 as with ab, or in the open model one second's arrivals
    /// (at most 1000), so a stalled second does not yet hold up the schedule. Connections open lazily.
    public static func defaultConcurrency(rate: Double?) -> Int {
        guard let rate, rate.isFinite, rate > 0 else { return 1 }
        return max(1, Int(min(rate, 1000).rounded(.up)))
    }

    /// The open model's rate, nil for the closed model.
    public var rate: Double? {
        if case .open(let rate) = model { rate } else { nil }
    }

    /// The most requests this run may send: the count asked for, the open schedule, or the ceiling.
    public var requestLimit: Int {
        var limit = requests ?? ceilings.maxRequests
        if let rate, let duration {
            limit = Int(min(Double(limit), (rate * duration).rounded(.down)))
        }
        return min(limit, ceilings.maxRequests)
    }

    /// The longest this run may last, in seconds: the duration asked for, or the ceiling.
    public var timeLimit: Double {
        min(duration ?? ceilings.maxDuration, ceilings.maxDuration)
    }

    /// Checks the plan is bounded, within the ceilings and sendable; says what to change when not.
    public func validate() throws(LoadPlanError) {
        guard !targets.isEmpty else { throw LoadPlanError("no URL to load") }
        for target in targets {
            if let problem = target.safetyProblem { throw LoadPlanError("\(target.url): \(problem)") }
            if case .multipart = target.body {
                throw LoadPlanError("multipart bodies are not supported under load; send the body as a file (-p)")
            }
        }
        guard requests != nil || duration != nil else {
            throw LoadPlanError("an unbounded run: give a number of requests (-n) or a duration (-t)")
        }
        if let requests, requests < 1 { throw LoadPlanError("the number of requests must be at least 1") }
        if let duration, !(duration > 0 && duration.isFinite) {
            throw LoadPlanError("the duration must be more than 0 seconds")
        }
        let timeouts =
            [("--timeout", transfer.totalTimeout), ("--connect-timeout", transfer.connectTimeout)]
            + targets.compactMap { target in target.totalTimeout.map { ("timeout", $0) } }
        for (name, seconds) in timeouts {
            if let problem = DurationRule.timeout.problem(seconds) { throw LoadPlanError("\(name): \(problem)") }
        }
        if let problem = DurationRule.loadDuration.problem(ceilings.maxDuration) {
            throw LoadPlanError("--max-duration: \(problem)")
        }
        guard ceilings.maxRequests >= 1, ceilings.maxDuration > 0 else {
            throw LoadPlanError("the ceilings must allow at least one request and more than 0 seconds")
        }
        if let rate, !(rate > 0 && rate.isFinite) {
            throw LoadPlanError("the rate must be more than 0 requests per second")
        }
        guard (1...ceilings.maxConcurrency).contains(concurrency) else {
            throw LoadPlanError("concurrency must be between 1 and \(ceilings.maxConcurrency)")
        }
        guard (1...min(concurrency, LoadCeilings.maxThreads)).contains(threads) else {
            throw LoadPlanError("threads must be between 1 and the concurrency (at most \(LoadCeilings.maxThreads))")
        }
        try ceilings.check(requests: requests, duration: duration, rate: rate)
    }
}

/// Limits no run may exceed unless the user raises them explicitly (`--allow-huge-run`): a typo in
/// `-n` or `-t` must not turn a smoke test into a denial of service against production.
public struct LoadCeilings: Sendable, Equatable, Codable {
    public static let defaultMaxRequests = 1_000_000
    public static let defaultMaxDuration: Double = 3600
    public static let maxThreads = 64

    public var maxRequests: Int
    /// Seconds.
    public var maxDuration: Double
    public var maxConcurrency: Int

    public init(
        maxRequests: Int = defaultMaxRequests, maxDuration: Double = defaultMaxDuration, maxConcurrency: Int = 1000
    ) {
        self.maxRequests = maxRequests
        self.maxDuration = maxDuration
        self.maxConcurrency = maxConcurrency
    }

    /// True when these ceilings are above the defaults and so need the explicit override.
    public var exceedDefaults: Bool {
        maxRequests > Self.defaultMaxRequests || maxDuration > Self.defaultMaxDuration
    }

    func check(requests: Int?, duration: Double?, rate: Double?) throws(LoadPlanError) {
        let hint = "raise the ceiling with --max-requests/--max-duration and --allow-huge-run"
        if let requests, requests > maxRequests {
            throw LoadPlanError("\(requests) requests is above the ceiling of \(maxRequests); \(hint)")
        }
        if let duration, duration > maxDuration {
            throw LoadPlanError(
                "a \(duration.upToTwoDecimals) s run is above the ceiling of \(maxDuration.upToTwoDecimals) s; \(hint)")
        }
        if let rate, let duration, rate * duration < 1 {
            throw LoadPlanError(
                "\(rate.upToTwoDecimals) req/s for \(duration.upToTwoDecimals) s is less than one request; raise the rate or "
                    + "the duration")
        }
        if let rate, let requests, duration == nil, Double(requests) / rate > maxDuration {
            throw LoadPlanError(
                "\(requests) requests at \(rate.upToTwoDecimals) req/s take \((Double(requests) / rate).upToTwoDecimals) s, "
                    + "above the ceiling of \(maxDuration.upToTwoDecimals) s; raise the rate, give a duration, or \(hint)"
            )
        }
        if let rate, let duration, requests == nil, rate * duration > Double(maxRequests) {
            throw LoadPlanError(
                "\(rate.upToTwoDecimals) req/s for \(duration.upToTwoDecimals) s is \((rate * duration).upToTwoDecimals) requests, "
                    + "above the ceiling of \(maxRequests); \(hint)"
            )
        }
    }
}

/// A load plan that cannot run, with what to change.
public struct LoadPlanError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
