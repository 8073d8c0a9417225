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

    /// The libcurl this process runs with, `7.88.1`, and its TLS library, `OpenSSL/3.0.19`.
    static var versions: (libcurl: String, tls: String) {
        let info = ccurl_version_info().pointee
        return (String(cString: info.version), info.ssl_version.map { String(cString: $0) } ?? "none")
    }
}
