/// One HTTP header field as sent or received; repeated fields stay separate entries.
public struct HTTPHeader: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// A part of a `multipart/form-data` body: a plain field, or a file read from disk when sent.
public struct MultipartPart: Sendable, Equatable {
    public enum Content: Sendable, Equatable {
        case text(String)
        case file(path: String, filename: String?, contentType: String?)
        /// File content held in memory, e.g. the empty file a browser sends for a file input left blank.
        case data([UInt8], filename: String, contentType: String?)
    }

    public var name: String
    public var content: Content

    public init(name: String, content: Content) {
        self.name = name
        self.content = content
    }
}

/// What a request carries after its headers.
public enum HTTPBody: Sendable, Equatable {
    case none
    /// Raw bytes sent as they are, with the given `Content-Type` unless a header already sets one.
    case bytes([UInt8], contentType: String?)
    case multipart([MultipartPart])
}

/// A fully resolved request: templates expanded, URL absolute.
public struct HTTPRequest: Sendable, Equatable {
    public var method: String
    public var url: String
    public var headers: [HTTPHeader]
    public var body: HTTPBody
    /// Redirects are followed only when a step asks for it: a gate must see `/admin`'s 302 to `/login`.
    public var followRedirects: Bool
    public var maxRedirects: Int
    /// Seconds for the whole transfer; the client's default when nil.
    public var totalTimeout: Double?
    /// Ask for every content encoding libcurl decodes (gzip, deflate, brotli, zstd) and decode the body,
    /// as `curl --compressed` does: checks and captures then see the decoded bytes.
    public var compressed: Bool
    /// Set when the request carries credentials: the origins they may go to. A redirect elsewhere is not
    /// followed (the response is the redirect, with `refusedRedirect` set); nil follows redirects anywhere.
    public var confinedTo: [Origin]?

    public init(
        method: String = "GET",
        url: String,
        headers: [HTTPHeader] = [],
        body: HTTPBody = .none,
        followRedirects: Bool = false,
        maxRedirects: Int = 10,
        totalTimeout: Double? = nil,
        compressed: Bool = false
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.followRedirects = followRedirects
        self.maxRedirects = maxRedirects
        self.totalTimeout = totalTimeout
        self.compressed = compressed
    }
}
