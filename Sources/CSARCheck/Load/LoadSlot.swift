internal import CCurl

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One request in flight at a time over one reused easy handle — and, with keep-alive, one connection.
/// The handle is configured once per target and only removed from and re-added to the multi handle
/// between requests, so a request costs no option setting and no allocation on our side.
final class LoadSlot {
    let easy = CurlEasy()
    let index: Int
    /// Kept alive: libcurl reads its header list and body during every transfer.
    private var prepared: PreparedRequest?
    /// Kept alive likewise: the target's URL, parsed once (see `CurlParsedURL`).
    private var parsedURL: CurlParsedURL?
    /// The target the handle is configured for; -1 before the first request.
    private(set) var target = -1
    /// When this request's latency counts from (monotonic ns): its start, or in the open model its
    /// intended start.
    var origin: UInt64 = 0
    /// When it was actually handed to libcurl (monotonic ns).
    var started: UInt64 = 0
    /// Added to the multi handle and not finished yet.
    var inFlight = false
    /// This request already went again after finding its kept-alive connection closed.
    var retried = false

    init(index: Int) {
        self.index = index
    }

    /// Configures the handle for `request` unless it already is (always, with a single target).
    /// Timeouts are not set here: the worker enforces them (see `LoadWorker.sweepTimeouts`).
    func prepare(target: Int, request: HTTPRequest, options: TransferOptions, keepAlive: Bool, tlsResume: Bool) {
        guard target != self.target else { return }
        easy.reset()
        // Load requests keep no cookies, as ab's do; the jar would also cost time on every response.
        easy.set(CURLOPT_COOKIEFILE, pointer: nil)
        // No proxy from the environment, as with ab: it would be measured instead of the site, and
        // looking it up (and `no_proxy`) costs several getenv calls per request.
        easy.set(CURLOPT_PROXY, "")
        easy.set(CURLOPT_NOPROXY, "")
        easy.set(CURLOPT_WRITEFUNCTION, callback: Self.discardBody)
        easy.set(CURLOPT_PRIVATE, pointer: UnsafeRawPointer(bitPattern: index + 1))
        easy.countTLSHandshakes()
        easy.configureVerification(options)
        // libcurl resumes TLS sessions unless told not to; ab never does, nor does a first visit.
        easy.set(CURLOPT_SSL_SESSIONID_CACHE, tlsResume ? 1 : 0)
        easy.set(CURLOPT_HTTP_VERSION, Int(options.http2 ? CURL_HTTP_VERSION_2TLS : CURL_HTTP_VERSION_1_1))
        if !keepAlive {
            easy.set(CURLOPT_FRESH_CONNECT, 1)
            easy.set(CURLOPT_FORBID_REUSE, 1)
            easy.setSocketOptionCallback(Self.ackWithFin)
        }
        if case .none = request.body, !options.http2, Self.isPlainHTTP(request.url) {
            // A plain HTTP/1.1 request without a body is the connection's first write and leaves in one,
            // which Nagle never delays: save the setsockopt per connection. Never over TLS: there the request
            // follows the client's last handshake flight, still unacknowledged, and Nagle holds it until the
            // server's delayed ACK, 40 ms later, whenever the server has nothing to say after that flight (a
            // resumed TLS 1.2 handshake; TLS 1.3 without session tickets). HTTP/2 interleaves small frames.
            easy.set(CURLOPT_TCP_NODELAY, 0)
        }
        prepared = PreparedRequest(Self.withLoadHeaders(request, options: options, keepAlive: keepAlive), on: easy)
        // A load reads no body: a compressed one is asked for (the server's cost of compressing is measured) but
        // not decoded, whose time is the client's (seconds for a decompression bomb) and would pass for latency.
        if request.compressed { easy.set(CURLOPT_HTTP_CONTENT_DECODING, 0) }
        parsedURL = CurlParsedURL(request.url)
        if let parsedURL { easy.use(parsedURL) }
        self.target = target
    }

    /// The user agent as a plain header (`CURLOPT_USERAGENT` formats it anew for every request) and,
    /// without keep-alive, `Connection: close`, so the server closes first and keeps the TIME_WAIT, as with ab.
    static func withLoadHeaders(_ request: HTTPRequest, options: TransferOptions, keepAlive: Bool) -> HTTPRequest {
        var request = request
        let names = request.headers.map { $0.name.lowercased() }
        if !names.contains("user-agent") { request.headers.append(HTTPHeader("User-Agent", options.userAgent)) }
        if !keepAlive, !names.contains("connection") { request.headers.append(HTTPHeader("Connection", "close")) }
        return request
    }

    /// `http://…`, not `https://…`.
    static func isPlainHTTP(_ url: String) -> Bool {
        url.utf8.count > 7 && url.prefix(7).lowercased() == "http://"
    }

    /// The slot a finished easy handle belongs to, from the index stored in `CURLOPT_PRIVATE`.
    static func index(of handle: UnsafeMutableRawPointer) -> Int {
        var value: UnsafeMutableRawPointer?
        _ = ccurl_easy_getinfo_pointer(handle, CURLINFO_PRIVATE, &value)
        return Int(bitPattern: value) - 1
    }

    /// Where the time of the finished request went, from libcurl's phase timers and our clock.
    func sample(completedAt now: UInt64) -> TransferSample {
        let dnsDone = micros(CURLINFO_NAMELOOKUP_TIME_T)
        let connectDone = max(dnsDone, micros(CURLINFO_CONNECT_TIME_T))
        let tlsDone = max(connectDone, micros(CURLINFO_APPCONNECT_TIME_T))
        let firstByte = max(tlsDone, micros(CURLINFO_STARTTRANSFER_TIME_T))
        let total = max(firstByte, micros(CURLINFO_TOTAL_TIME_T))
        return TransferSample(
            total: now > origin ? (now - origin) / 1000 : 0,
            service: now > started ? (now - started) / 1000 : 0,
            dns: dnsDone, connect: connectDone - dnsDone, tls: tlsDone - connectDone,
            wait: firstByte - tlsDone, transfer: total - firstByte
        )
    }

    /// Whether the request that failed with `code` found its connection closed by the server before a byte of
    /// the response came: it went out on a reused connection (no new one was opened) and nothing came back.
    /// The request may go again on a new connection; libcurl's own test for its retries.
    func diedOnReusedConnection(_ code: CURLcode) -> Bool {
        (code == CURLE_RECV_ERROR || code == CURLE_SEND_ERROR || code == CURLE_GOT_NOTHING)
            && easy.info(long: CURLINFO_NUM_CONNECTS) == 0 && easy.info(long: CURLINFO_HEADER_SIZE) == 0
            && easy.info(int64: CURLINFO_SIZE_DOWNLOAD_T) == 0
    }

    /// The `Server` header of the last response, if it had one.
    func serverHeader() -> String? {
        easy.responseHeader("Server")
    }

    private func micros(_ info: CURLINFO) -> UInt64 {
        UInt64(max(0, easy.info(int64: info)))
    }

    /// Without keep-alive, each connection ends as soon as its response is in: the client's ACK of the
    /// response can travel with the FIN it sends a few microseconds later instead of in a packet of its
    /// own. Leaving TCP's quick-ACK mode on the new socket does that: 9 segments per request instead of 10,
    /// measured 16 % less client CPU per request. Timing is unchanged: the response is complete on arrival.
    private static let ackWithFin: ccurl_sockopt_callback = { _, socket, _ in
        var off: Int32 = 0
        _ = setsockopt(socket, Int32(IPPROTO_TCP), TCP_QUICKACK, &off, socklen_t(MemoryLayout<Int32>.size))
        return Int32(CURL_SOCKOPT_OK)
    }

    /// Bodies are counted by libcurl (`CURLINFO_SIZE_DOWNLOAD_T`), never kept.
    private static let discardBody: ccurl_data_callback = { _, size, count, _ in size * count }
}
