/// Where the time of one transfer went, as libcurl measures it (the `curl -w` figures), in seconds
/// from the start of the transfer. Each phase is also available as a duration of its own.
public struct HTTPTimings: Sendable, Equatable, Codable {
    /// Name resolution finished.
    public var dnsDone: Double
    /// TCP connection established.
    public var connectDone: Double
    /// TLS handshake finished (equal to `connectDone` for plain HTTP or a reused connection).
    public var tlsDone: Double
    /// First response byte received.
    public var firstByte: Double
    /// Transfer complete.
    public var total: Double

    public init(
        dnsDone: Double = 0, connectDone: Double = 0, tlsDone: Double = 0, firstByte: Double = 0, total: Double = 0
    ) {
        self.dnsDone = dnsDone
        self.connectDone = connectDone
        self.tlsDone = tlsDone
        self.firstByte = firstByte
        self.total = total
    }

    public var dns: Double { dnsDone }
    public var connect: Double { max(0, connectDone - dnsDone) }
    public var tls: Double { max(0, tlsDone - connectDone) }
    /// Time from the request being ready to send until the first byte of the answer ("server time").
    public var wait: Double { max(0, firstByte - max(tlsDone, connectDone)) }
    public var transfer: Double { max(0, total - firstByte) }
}

/// A received response. The body is capped (see `TransferOptions.maxBodyBytes`); `bodyTruncated` says so.
public struct HTTPResponse: Sendable, Equatable {
    public var status: Int
    public var httpVersion: String
    public var headers: [HTTPHeader]
    public var body: [UInt8]
    public var bodyTruncated: Bool
    /// The size of the whole body as received, even the part beyond the cap; the size kept when a decoded body
    /// was stopped at the cap (see `bodyCut`).
    public var bodySize: Int
    /// How the body was cut at the cap, when it was: what checks reading it must say.
    public var bodyCut: BodyCut?
    public var timings: HTTPTimings
    /// The URL of the last request made, which differs from the request's when redirects were followed.
    public var effectiveURL: String
    public var redirectCount: Int
    /// The redirect that was not followed because the request's credentials may not go there
    /// (see `HTTPRequest.confinedTo`); this response is that redirect.
    public var refusedRedirect: String?

    public init(
        status: Int, httpVersion: String = "1.1", headers: [HTTPHeader] = [], body: [UInt8] = [],
        bodyTruncated: Bool = false, bodySize: Int? = nil, bodyCut: BodyCut? = nil, timings: HTTPTimings = .init(),
        effectiveURL: String = "", redirectCount: Int = 0, refusedRedirect: String? = nil
    ) {
        self.status = status
        self.httpVersion = httpVersion
        self.headers = headers
        self.body = body
        self.bodyTruncated = bodyTruncated
        self.bodySize = bodySize ?? body.count
        self.bodyCut = bodyCut
        self.timings = timings
        self.effectiveURL = effectiveURL
        self.redirectCount = redirectCount
        self.refusedRedirect = refusedRedirect
    }

    /// All values of a header, case-insensitively, in the order received.
    public func headerValues(_ name: String) -> [String] {
        headers.filter { $0.name.caseInsensitiveEquals(name) }.map(\.value)
    }

    /// The first value of a header, case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveEquals(name) }?.value
    }

    /// The body as text, decoded by its charset (see `BodyCharset`): UTF-8 unless the Content-Type or a
    /// `<meta charset>` names ISO-8859-1 or windows-1252; invalid sequences replaced.
    public var bodyText: String { BodyCharset.text(of: body, contentType: header("Content-Type")) }
}

extension String {
    func caseInsensitiveEquals(_ other: String) -> Bool {
        lowercased() == other.lowercased()
    }
}
