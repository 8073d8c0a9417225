internal import CCurl

/// Sends requests one after another over a single reused libcurl handle, so a scenario keeps its
/// connection and its cookie jar. One client per scenario run; use it from one thread at a time.
public final class HTTPClient {
    public let options: TransferOptions
    private let easy = CurlEasy()
    /// When raised, the transfer in flight is abandoned (within about a second) and the next is not sent.
    private let stop: StopSignal?

    /// A client with its own connections and cookie jar; a raised `stop` abandons its transfers.
    public init(options: TransferOptions = .init(), stop: StopSignal? = nil) {
        self.options = options
        self.stop = stop
    }

    /// Sends `request` and waits for the whole response (bounded by the transfer timeouts).
    public func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
        if let problem = request.safetyProblem {
            throw TransportError(url: request.url, phase: .request, code: -1, message: problem)
        }
        easy.reset()
        configureConnection(totalTimeout: request.totalTimeout ?? options.totalTimeout)
        let confinement =
            request.followRedirects
            ? request.confinedTo.map { RedirectConfinement(requestURL: request.url, allowed: $0) } : nil
        let accumulator = ResponseAccumulator(
            maxBodyBytes: options.maxBodyBytes, decodes: request.compressed, confinement: confinement)
        let context = Unmanaged.passUnretained(accumulator).toOpaque()
        easy.set(CURLOPT_WRITEFUNCTION, callback: ResponseAccumulator.writeBody)
        easy.set(CURLOPT_WRITEDATA, pointer: context)
        easy.set(CURLOPT_HEADERFUNCTION, callback: ResponseAccumulator.writeHeader)
        easy.set(CURLOPT_HEADERDATA, pointer: context)
        if let stop {
            // libcurl calls the progress function at least about once a second, also while nothing arrives.
            easy.set(CURLOPT_NOPROGRESS, 0)
            easy.setProgressCallback(Self.abortWhenStopped, context: Unmanaged.passUnretained(stop).toOpaque())
        }

        if stop?.isRequested == true { throw TransportError.interrupted(url: request.url) }
        let code: CURLcode = withExtendedLifetime(accumulator) {
            let prepared = PreparedRequest(request, on: easy)
            return withExtendedLifetime(prepared) {
                prepared.failure ?? easy.perform()
            }
        }
        // The accumulator stopped the transfer at a redirect that leaves the allowed origins, or a decoded body at
        // the cap: a response (the redirect, or the body cut), not a failed transfer.
        let refusedRedirect = code == CURLE_WRITE_ERROR ? accumulator.refusedRedirect : nil
        guard code == CURLE_OK || refusedRedirect != nil || (code == CURLE_WRITE_ERROR && accumulator.stoppedAtCap)
        else {
            throw TransportError(code: code, url: request.url, message: easy.errorMessage(for: code), easy: easy)
        }
        return HTTPResponse(
            status: easy.info(long: CURLINFO_RESPONSE_CODE),
            httpVersion: Self.versionName(easy.info(long: CURLINFO_HTTP_VERSION)),
            headers: accumulator.headers,
            body: accumulator.body,
            bodyTruncated: accumulator.bodyTruncated,
            bodySize: accumulator.bodySize,
            bodyCut: bodyCut(of: accumulator),
            timings: Self.timings(of: easy),
            effectiveURL: easy.info(string: CURLINFO_EFFECTIVE_URL) ?? request.url,
            redirectCount: easy.info(long: CURLINFO_REDIRECT_COUNT),
            refusedRedirect: refusedRedirect
        )
    }

    private func bodyCut(of accumulator: ResponseAccumulator) -> BodyCut? {
        guard accumulator.bodyTruncated else { return nil }
        return BodyCut(
            cap: options.maxBodyBytes, contentEncoding: accumulator.decodedEncoding,
            receivedBytes: Int(easy.info(int64: CURLINFO_SIZE_DOWNLOAD_T)),
            wholeSize: accumulator.stoppedAtCap ? nil : accumulator.bodySize)
    }

    /// The cookies currently in this client's jar.
    public var cookies: [Cookie] {
        easy.info(list: CURLINFO_COOKIELIST).compactMap(Cookie.init(netscapeLine:))
    }

    /// Puts a cookie into the jar as if a server at `domain` had set it.
    public func addCookie(_ cookie: Cookie) {
        easy.set(CURLOPT_COOKIELIST, cookie.netscapeLine)
    }

    private func configureConnection(totalTimeout: Double) {
        easy.set(CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(options.connectTimeout))
        easy.set(CURLOPT_TIMEOUT_MS, Self.milliseconds(totalTimeout))
        easy.configureVerification(options)
        easy.set(CURLOPT_USERAGENT, options.userAgent)
        easy.set(
            CURLOPT_HTTP_VERSION,
            Int(options.http2 ? CURL_HTTP_VERSION_2TLS : CURL_HTTP_VERSION_1_1)
        )
    }

    /// libcurl's milliseconds for a timeout, kept within `DurationRule.timeout` whatever the caller passed:
    /// 0 would mean no timeout at all, and `inf` or `nan` would trap in the conversion.
    static func milliseconds(_ seconds: Double) -> Int {
        let bound = DurationRule.timeout.maximum
        return Int((seconds.isNaN ? bound : min(max(seconds, 0.001), bound)) * 1000)
    }

    /// Aborts the transfer once the run is asked to stop; `context` is the unretained `StopSignal`.
    private static let abortWhenStopped: ccurl_xferinfo_callback = { context, _, _, _, _ in
        guard let context else { return 0 }
        return Unmanaged<StopSignal>.fromOpaque(context).takeUnretainedValue().isRequested ? 1 : 0
    }

    static func timings(of easy: CurlEasy) -> HTTPTimings {
        func seconds(_ info: CURLINFO) -> Double { Double(easy.info(int64: info)) / 1_000_000 }
        let connectDone = seconds(CURLINFO_CONNECT_TIME_T)
        return HTTPTimings(
            dnsDone: seconds(CURLINFO_NAMELOOKUP_TIME_T),
            connectDone: connectDone,
            tlsDone: max(connectDone, seconds(CURLINFO_APPCONNECT_TIME_T)),
            firstByte: seconds(CURLINFO_STARTTRANSFER_TIME_T),
            total: seconds(CURLINFO_TOTAL_TIME_T)
        )
    }

    static func versionName(_ version: Int) -> String {
        switch version {
        case Int(CURL_HTTP_VERSION_1_0): "1.0"
        case Int(CURL_HTTP_VERSION_2_0): "2"
        case Int(CURL_HTTP_VERSION_3): "3"
        default: "1.1"
        }
    }
}
