/// What one event-loop thread counted. Fixed-size storage (status codes by index, errors by phase,
/// histograms) so recording a request allocates nothing; threads' tallies are merged at the end.
struct LoadTally: Sendable {
    /// The phases transport errors are counted by, in a fixed order (their array index).
    static let phases: [TransportError.Phase] = [
        .url, .request, .dns, .connect, .tls, .send, .receive, .timeout, .redirect, .requestBody, .interrupted, .other,
    ]
    /// Status codes 100…999 (every three-digit code libcurl accepts, 999 included) are counted by value;
    /// anything else lands in slot 0.
    static let statusSlots = 1000

    var latency = LatencyHistograms()
    var statusCounts = [Int](repeating: 0, count: statusSlots)
    var errorCounts = [Int](repeating: 0, count: phases.count)
    /// The first error of each phase, to show what went wrong.
    var errorSamples = [TransportError?](repeating: nil, count: phases.count)
    var responses = 0
    var transportErrors = 0
    var unreachableErrors = 0
    var bodyBytes = 0
    var headerBytes = 0
    var connectionsOpened = 0
    /// TLS handshakes completed, and how many of them resumed a session.
    var tlsHandshakes = 0
    var tlsResumed = 0
    /// OpenSSL contexts made for them: one per thread where they are shared, else one per connection.
    var tlsContexts = 0
    var documentLength: DocumentLength?
    var serverSoftware: String?
    var schedule = ScheduleTally()

    mutating func recordResponse(
        status: Int, bodySize: Int, headerSize: Int, newConnections: Int, sample: TransferSample
    ) {
        responses += 1
        statusCounts[(100..<Self.statusSlots).contains(status) ? status : 0] += 1
        bodyBytes += bodySize
        headerBytes += headerSize
        connectionsOpened += newConnections
        latency.record(sample)
        if documentLength == nil {
            documentLength = DocumentLength(first: bodySize, min: bodySize, max: bodySize)
        } else {
            documentLength?.include(bodySize)
        }
    }

    mutating func recordFailure(_ error: TransportError, newConnections: Int) {
        transportErrors += 1
        connectionsOpened += newConnections
        if error.isUnreachable { unreachableErrors += 1 }
        let index = Self.phases.firstIndex(of: error.phase) ?? Self.phases.count - 1
        errorCounts[index] += 1
        if errorSamples[index] == nil { errorSamples[index] = error }
    }

    /// Every request that ended, with a response or with a transport error.
    var completed: Int { responses + transportErrors }

    mutating func merge(_ other: LoadTally) {
        latency.add(other.latency)
        for index in statusCounts.indices { statusCounts[index] += other.statusCounts[index] }
        for index in errorCounts.indices {
            errorCounts[index] += other.errorCounts[index]
            if errorSamples[index] == nil { errorSamples[index] = other.errorSamples[index] }
        }
        responses += other.responses
        transportErrors += other.transportErrors
        unreachableErrors += other.unreachableErrors
        bodyBytes += other.bodyBytes
        headerBytes += other.headerBytes
        connectionsOpened += other.connectionsOpened
        tlsHandshakes += other.tlsHandshakes
        tlsResumed += other.tlsResumed
        tlsContexts += other.tlsContexts
        if let length = other.documentLength {
            if documentLength == nil { documentLength = length } else { documentLength?.merge(length) }
        }
        serverSoftware = serverSoftware ?? other.serverSoftware
        schedule.merge(other.schedule)
    }
}

/// How well the open model kept to its schedule on one thread.
struct ScheduleTally: Sendable {
    /// Requests started.
    var sent = 0
    /// Requests started a millisecond or more after they were due.
    var late = 0
    /// Requests that were due while every connection of the pool was busy.
    var queued = 0
    /// The largest delay between a request's intended and actual start, in nanoseconds.
    var maxLag: UInt64 = 0
    /// When the last request actually started, in nanoseconds since the run's start.
    var lastStart: UInt64 = 0

    static let lateThreshold: UInt64 = 1_000_000

    mutating func started(at offset: UInt64, lag: UInt64, queued wasQueued: Bool) {
        sent += 1
        if lag >= Self.lateThreshold { late += 1 }
        if wasQueued { queued += 1 }
        maxLag = max(maxLag, lag)
        lastStart = max(lastStart, offset)
    }

    mutating func merge(_ other: ScheduleTally) {
        sent += other.sent
        late += other.late
        queued += other.queued
        maxLag = max(maxLag, other.maxLag)
        lastStart = max(lastStart, other.lastStart)
    }
}
