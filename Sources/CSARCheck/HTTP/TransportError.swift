/// A transfer that produced no HTTP response: the URL, the phase that failed and libcurl's own words.
public struct TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where in the life of a request the failure happened.
    public enum Phase: String, Sendable, Codable {
        case url = "URL parsing"
        case dns = "DNS resolution"
        case connect = "connect"
        case tls = "TLS handshake"
        case send = "sending the request"
        case receive = "receiving the response"
        case timeout = "waiting (timeout)"
        case redirect = "following redirects"
        case requestBody = "reading the request body"
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

    /// True when the failure says nothing answered at that address: the target is unreachable.
    public var isUnreachable: Bool {
        [.dns, .connect, .tls].contains(phase)
    }

    public var description: String { "\(url): failed during \(phase.rawValue): \(message)" }
}
