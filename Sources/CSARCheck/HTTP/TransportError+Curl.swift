internal import CCurl

extension TransportError {
    /// Classifies a failed transfer by its CURLcode, using the timings to tell where a timeout struck.
    init(code: CURLcode, url: String, message: String, easy: CurlEasy) {
        let phase: Phase
        var message = message
        switch code {
        case CURLE_URL_MALFORMAT: phase = .url
        case CURLE_UNSUPPORTED_PROTOCOL where easy.info(long: CURLINFO_REDIRECT_COUNT) > 0:
            // A redirect to a scheme other than http(s), refused by CURLOPT_REDIR_PROTOCOLS_STR.
            phase = .redirect
            let target = easy.info(string: CURLINFO_EFFECTIVE_URL) ?? "another scheme"
            message = "refused to follow the redirect to \(target): only http:// and https:// are followed"
        case CURLE_UNSUPPORTED_PROTOCOL:
            // Also what libcurl answers to a reply that is not HTTP ("Received HTTP/0.9 when not allowed",
            // "Unsupported response code"): once connected, the fault is in what came back, not the URL.
            let connected = easy.info(int64: CURLINFO_CONNECT_TIME_T) > 0
            phase = connected ? .receive : .url
            if connected { message = "the answer is not valid HTTP: \(message)" }
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: phase = .dns
        case CURLE_COULDNT_CONNECT: phase = .connect
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE,
            CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH:
            phase = .tls
        case CURLE_SEND_ERROR: phase = .send
        case CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE, CURLE_WEIRD_SERVER_REPLY: phase = .receive
        case CURLE_TOO_MANY_REDIRECTS: phase = .redirect
        case CURLE_ABORTED_BY_CALLBACK:
            self = .interrupted(url: url)
            return
        case CURLE_READ_ERROR, CURLE_FILE_COULDNT_READ_FILE: phase = .requestBody
        case CURLE_OPERATION_TIMEDOUT:
            let connected = easy.info(int64: CURLINFO_CONNECT_TIME_T) > 0
            phase = connected ? .timeout : .connect
        default: phase = .other
        }
        self.init(url: url, phase: phase, code: Int(code.rawValue), message: message)
    }
}
