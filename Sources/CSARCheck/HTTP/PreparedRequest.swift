internal import CCurl

/// Applies an `HTTPRequest` to an easy handle and keeps alive what libcurl reads during the transfer
/// (header list, MIME tree). Release it only after `perform` returns.
final class PreparedRequest {
    private var headerList: StringList?
    private var mime: OpaquePointer?
    /// Set when the request could not be prepared (an attachment that cannot be read).
    private(set) var failure: CURLcode?

    init(_ request: HTTPRequest, on easy: CurlEasy) {
        easy.set(CURLOPT_URL, request.url)
        // Only http and https, also for redirects: a `Location: file:///etc/passwd` is never followed.
        easy.set(CURLOPT_PROTOCOLS_STR, "http,https")
        easy.set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        // "" offers every encoding this libcurl decodes (gzip, deflate, br, zstd) and decodes the body.
        if request.compressed { easy.set(CURLOPT_ACCEPT_ENCODING, "") }
        easy.set(CURLOPT_FOLLOWLOCATION, request.followRedirects ? 1 : 0)
        easy.set(CURLOPT_MAXREDIRS, request.maxRedirects)
        var headers = request.headers.map { "\($0.name): \($0.value)" }
        let method = request.method.uppercased()
        switch request.body {
        case .none:
            setMethodWithoutBody(method, on: easy)
        case .bytes(let bytes, let contentType):
            if let contentType, !request.headers.contains(where: { $0.name.caseInsensitiveEquals("Content-Type") }) {
                headers.append("Content-Type: \(contentType)")
            }
            easy.set(CURLOPT_POSTFIELDSIZE_LARGE, int64: Int64(bytes.count))
            if bytes.isEmpty {
                easy.set(CURLOPT_COPYPOSTFIELDS, "")
            } else {
                bytes.withUnsafeBytes { easy.set(CURLOPT_COPYPOSTFIELDS, pointer: $0.baseAddress) }
            }
            if method != "POST" { easy.set(CURLOPT_CUSTOMREQUEST, method) }
        case .multipart(let parts):
            attachMultipart(parts, on: easy)
            if method != "POST" { easy.set(CURLOPT_CUSTOMREQUEST, method) }
        }
        // An empty "Expect:" stops libcurl from waiting for 100-continue on larger bodies.
        headers.append("Expect:")
        headerList = StringList(headers)
        easy.set(CURLOPT_HTTPHEADER, pointer: headerList?.pointer)
    }

    deinit {
        curl_mime_free(mime)
    }

    private func setMethodWithoutBody(_ method: String, on easy: CurlEasy) {
        switch method {
        case "GET": easy.set(CURLOPT_HTTPGET, 1)
        case "HEAD": easy.set(CURLOPT_NOBODY, 1)
        default: easy.set(CURLOPT_CUSTOMREQUEST, method)
        }
    }

    private func attachMultipart(_ parts: [MultipartPart], on easy: CurlEasy) {
        mime = easy.makeMime()
        for part in parts {
            let field = curl_mime_addpart(mime)
            curl_mime_name(field, part.name)
            switch part.content {
            case .text(let text):
                curl_mime_data(field, text, text.utf8.count)
            case .file(let path, let filename, let contentType):
                let code = curl_mime_filedata(field, path)
                if code != CURLE_OK, failure == nil { failure = code }
                if let filename { curl_mime_filename(field, filename) }
                if let contentType { curl_mime_type(field, contentType) }
            case .data(let bytes, let filename, let contentType):
                // libcurl copies the data; the terminating 0 gives an empty part a valid pointer.
                let characters = bytes.map { CChar(bitPattern: $0) } + [0]
                characters.withUnsafeBufferPointer { _ = curl_mime_data(field, $0.baseAddress, bytes.count) }
                curl_mime_filename(field, filename)
                if let contentType { curl_mime_type(field, contentType) }
            }
        }
        easy.set(CURLOPT_MIMEPOST, pointer: UnsafeRawPointer(mime))
    }
}
