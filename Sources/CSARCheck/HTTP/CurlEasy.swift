internal import CCurl

/// Owns one libcurl easy handle and everything that must outlive it (the error buffer). The raw handle never
/// leaves it: everything done with it — options, info, callbacks, a MIME tree, joining a multi handle — is a
/// typed method here. Reusing the handle keeps its connection, DNS cache and cookie jar between requests.
/// Not thread-safe: one thread drives a handle at a time.
final class CurlEasy {
    private let handle: UnsafeMutableRawPointer
    private let errorBuffer: UnsafeMutablePointer<CChar>
    /// The first option libcurl refused since the last reset; `perform` reports it instead of running.
    private var refusedOption: CURLcode?

    init() {
        CurlGlobal.ensureInitialized()
        guard let handle = curl_easy_init() else {
            fatalError("curl_easy_init failed: out of memory")
        }
        self.handle = handle
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(to: 0)
        enableCookieEngine()
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    /// Clears every option set for the previous request, keeping connections, caches and cookies.
    func reset() {
        curl_easy_reset(handle)
        refusedOption = nil
        errorBuffer[0] = 0
        set(CURLOPT_ERRORBUFFER, pointer: errorBuffer)
        set(CURLOPT_NOSIGNAL, 1)
        enableCookieEngine()
    }

    /// Runs the configured transfer to its end on the calling thread.
    func perform() -> CURLcode {
        if let refusedOption { return refusedOption }
        errorBuffer[0] = 0
        return curl_easy_perform(handle)
    }

    /// libcurl's detailed message for the last failure, or its generic text for `code`.
    func errorMessage(for code: CURLcode) -> String {
        let detail = String(cString: errorBuffer)
        return detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
    }

    // MARK: Typed options

    func set(_ option: CURLoption, _ value: Int) {
        check(ccurl_easy_setopt_long(handle, option, value), option)
    }

    func set(_ option: CURLoption, int64 value: Int64) {
        check(ccurl_easy_setopt_int64(handle, option, curl_off_t(value)), option)
    }

    /// Sets a string option; libcurl copies strings, so the Swift string need not outlive the call.
    func set(_ option: CURLoption, _ value: String) {
        check(value.withCString { ccurl_easy_setopt_pointer(handle, option, $0) }, option)
    }

    func set(_ option: CURLoption, pointer value: UnsafeRawPointer?) {
        check(ccurl_easy_setopt_pointer(handle, option, value), option)
    }

    func set(_ option: CURLoption, callback: ccurl_data_callback) {
        check(ccurl_easy_setopt_callback(handle, option, callback), option)
    }

    // MARK: Typed info

    func info(long info: CURLINFO) -> Int {
        var value = 0
        _ = ccurl_easy_getinfo_long(handle, info, &value)
        return value
    }

    func info(int64 info: CURLINFO) -> Int64 {
        var value: curl_off_t = 0
        _ = ccurl_easy_getinfo_int64(handle, info, &value)
        return Int64(value)
    }

    func info(string info: CURLINFO) -> String? {
        var value: UnsafePointer<CChar>?
        guard ccurl_easy_getinfo_string(handle, info, &value) == CURLE_OK, let value else { return nil }
        return String(cString: value)
    }

    /// Reads a string-list info (such as the cookie list) and frees the list.
    func info(list info: CURLINFO) -> [String] {
        var list: UnsafeMutablePointer<curl_slist>?
        guard ccurl_easy_getinfo_slist(handle, info, &list) == CURLE_OK else { return [] }
        defer { curl_slist_free_all(list) }
        return StringList.strings(in: list)
    }

    /// The value of response header `name` (its first occurrence), through libcurl's header API.
    func responseHeader(_ name: String) -> String? {
        var header: UnsafeMutablePointer<curl_header>?
        guard curl_easy_header(handle, name, 0, UInt32(CURLH_HEADER), -1, &header) == CURLHE_OK,
            let value = header?.pointee.value
        else { return nil }
        return String(cString: value)
    }

    // MARK: Callbacks and companions

    /// Sends the next request to `url`, parsed once (`CURLOPT_CURLU`): libcurl then skips parsing a URL string
    /// for every transfer. `url` must outlive the transfer.
    func use(_ url: CurlParsedURL) {
        set(CURLOPT_CURLU, pointer: UnsafeRawPointer(url.handle))
    }

    func setProgressCallback(_ callback: ccurl_xferinfo_callback, context: UnsafeRawPointer) {
        check(ccurl_easy_setopt_xferinfo_callback(handle, callback), CURLOPT_XFERINFOFUNCTION)
        set(CURLOPT_XFERINFODATA, pointer: context)
    }

    func setSocketOptionCallback(_ callback: ccurl_sockopt_callback) {
        check(ccurl_easy_setopt_sockopt_callback(handle, callback), CURLOPT_SOCKOPTFUNCTION)
    }

    /// Makes this handle count its TLS handshakes (see ccurl_tls_interposes_SSL_CTX_new.c).
    func countTLSHandshakes() {
        _ = ccurl_easy_count_tls_handshakes(handle)
    }

    /// A new MIME tree for this handle's multipart body; the caller frees it with `curl_mime_free`.
    func makeMime() -> OpaquePointer? {
        curl_mime_init(handle)
    }

    /// Queues this handle's transfer on `multi`.
    func join(_ multi: UnsafeMutableRawPointer) -> Bool {
        curl_multi_add_handle(multi, handle) == CURLM_OK
    }

    /// Takes this handle's transfer off `multi`, finished or not.
    func leave(_ multi: UnsafeMutableRawPointer) {
        curl_multi_remove_handle(multi, handle)
    }

    private func enableCookieEngine() {
        set(CURLOPT_COOKIEFILE, "")
    }

    /// An option this libcurl refuses (a feature it was built without) fails the transfer, not the process.
    private func check(_ code: CURLcode, _ option: CURLoption) {
        if code != CURLE_OK, refusedOption == nil {
            refusedOption = code
        }
    }
}

extension CurlEasy {
    /// Performs a transfer that stops once its TLS connection is up, before any request is sent, and returns
    /// the server's leaf certificate and the protocol agreed (nil when there was none: not TLS, or no
    /// handshake), with libcurl's code (CURLE_ABORTED_BY_CALLBACK when the handshake completed).
    func performHandshakeOnly() -> (CURLcode, ccurl_certificate?) {
        let probe = UnsafeMutablePointer<ccurl_certificate_probe>.allocate(capacity: 1)
        defer { probe.deallocate() }
        probe.initialize(to: ccurl_certificate_probe())
        probe.pointee.handle = handle
        if let refused = Optional(ccurl_easy_probe_certificate(probe)), refused != CURLE_OK { return (refused, nil) }
        let code = perform()
        return (code, probe.pointee.found == 1 ? probe.pointee.certificate : nil)
    }
}
