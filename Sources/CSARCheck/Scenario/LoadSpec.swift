/// A scenario's `load:` section: its requests sent many times over, as `csar-check load` sends them.
/// Templates are rendered when the section runs, after the steps, so it may use their captures.
public struct LoadSpec: Sendable {
    public var location: SourceLocation
    /// Sent in turn: request k of the run goes to `targets[k % targets.count]`.
    public var targets: [LoadTargetSpec]
    /// Open model: requests started per second. Nil for the closed model.
    public var rate: Double?
    public var requests: Int?
    /// Seconds.
    public var duration: Double?
    /// Requests in flight at most; nil lets the model choose (1 closed, one second's worth open).
    public var concurrency: Int?
    public var keepAlive: Bool
    public var http2: Bool
    public var threads: Int
    /// Resume TLS sessions on new connections (`tls_resume:`); off, a full handshake each, as with ab.
    public var tlsResume: Bool
    /// Seconds allowed per request, overriding the run's.
    public var timeout: Double?
    /// The statuses this load expects (`expect_status:`); any other answer counts as a request in error.
    public var expectStatus: StatusExpectation = .successOrRedirect
    /// Ask for compressed responses and decode them, as `--compressed` does.
    public var compressed = false

    public init(
        location: SourceLocation, targets: [LoadTargetSpec], rate: Double? = nil, requests: Int? = nil,
        duration: Double? = nil, concurrency: Int? = nil, keepAlive: Bool = false, http2: Bool = false,
        threads: Int = 1, tlsResume: Bool = false, timeout: Double? = nil
    ) {
        self.location = location
        self.targets = targets
        self.rate = rate
        self.requests = requests
        self.duration = duration
        self.concurrency = concurrency
        self.keepAlive = keepAlive
        self.http2 = http2
        self.threads = threads
        self.tlsResume = tlsResume
        self.timeout = timeout
    }
}

/// One request of a load section. Load requests carry no body (`csar-check load -p` sends one).
public struct LoadTargetSpec: Sendable {
    public var method: String
    public var url: Template
    public var headers: [HeaderTemplate]

    public init(method: String = "GET", url: Template, headers: [HeaderTemplate] = []) {
        self.method = method
        self.url = url
        self.headers = headers
    }
}
