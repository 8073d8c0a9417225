/// The plan as run, for the report's header.
public struct LoadPlanSummary: Sendable, Codable, Equatable, CustomStringConvertible {
    public var method: String
    public var urls: [String]
    public var model: LoadModel
    public var requests: Int?
    public var duration: Double?
    public var concurrency: Int
    public var keepAlive: Bool
    public var http2: Bool
    public var threads: Int
    /// TLS sessions resumed on new connections (`--tls-resume`).
    public var tlsResume: Bool

    public init(_ plan: LoadPlan) {
        method = plan.targets.first?.method ?? "GET"
        urls = plan.targets.map(\.url)
        model = plan.model
        requests = plan.requests
        duration = plan.duration
        concurrency = plan.concurrency
        keepAlive = plan.keepAlive
        http2 = plan.transfer.http2
        threads = plan.threads
        tlsResume = plan.tlsResume
    }

    /// `GET closed, 50 requests, concurrency 5, no keep-alive, HTTP/1.1, 1 thread` (`, TLS sessions resumed`)
    public var description: String {
        var parts: [String] = []
        switch model {
        case .closed:
            parts.append("closed")
            if let requests { parts.append("\(requests) requests") }
            if let duration { parts.append("for \(duration.upToTwoDecimals) s") }
            parts.append("concurrency \(concurrency)")
        case .open(let rate):
            parts.append("open, \(rate.upToTwoDecimals) req/s")
            if let duration { parts.append("for \(duration.upToTwoDecimals) s") }
            if let requests { parts.append("at most \(requests) requests") }
            parts.append("up to \(concurrency) in flight")
        }
        parts.append(keepAlive ? "keep-alive" : "no keep-alive")
        parts.append(http2 ? "HTTP/2 when offered" : "HTTP/1.1")
        parts.append(threads == 1 ? "1 thread" : "\(threads) threads")
        if tlsResume { parts.append("TLS sessions resumed") }
        return "\(method) " + parts.joined(separator: ", ")
    }
}
