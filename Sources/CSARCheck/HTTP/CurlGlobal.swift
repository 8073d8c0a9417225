internal import CCurl

/// libcurl's process-wide setup, done once before the first handle is made.
enum CurlGlobal {
    private static let initialized: Bool = {
        ccurl_ignore_sigpipe()
        return curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK
    }()

    static func ensureInitialized() {
        precondition(initialized, "curl_global_init failed")
    }
}
