/// A transfer that produced no HTTP response: the URL, the phase that failed and libcurl's own words.
public struct TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where in the life of a request the failure happened.
    public enum Phase: String, Sendable, Codable {
        case url = "URL parsing"
        /// The request was refused before anything was sent (a header value with a line break, a
        /// `file://` URL): see `HTTPRequest.safetyProblem`.
        case request = "preparing the request"
        case dns = "DNS resolution"
        case connect = "connect"
        case tls = "TLS handshake"
        case send = "sending the request"
        case receive = "receiving the response"
        case timeout = "waiting (timeout)"
        case redirect = "following redirects"
        case requestBody = "reading the request body"
        /// The run was stopped (a signal) while the request was in flight, or before it was sent.
        case interrupted = "interruption"
        case other = "transfer"
    }

    public var url: String
    public var phase: Phase
    /// libcurl's CURLcode.
    public var code: Int
    public var message: String

    public init(url: String, phase: Phase, code: Int, message: String) {
        self.url = url
        self.phase = phase
        self.code = code
        self.message = message
    }

    /// The request abandoned because the run was asked to stop.
    public static func interrupted(url: String) -> TransportError {
        TransportError(
            url: url, phase: .interrupted, code: -1, message: "the run was stopped before a response arrived")
    }

    /// The request never left: its URL or its content was refused before anything was sent.
    public var sentNothing: Bool {
        [.url, .request].contains(phase)
    }

    /// True when the failure says nothing answered at that address: the target is unreachable.
    public var isUnreachable: Bool {
        [.dns, .connect, .tls].contains(phase)
    }

    public var description: String { "\(url): failed during \(phase.rawValue): \(message)" }
}
