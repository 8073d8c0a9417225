/// Builds the masked, shortened records of requests and responses that outputs and reports show.
struct Transcript {
    static let excerptLength = 600
    let masker: SecretMasker

    func record(of request: HTTPRequest) -> RequestRecord {
        RequestRecord(
            method: request.method,
            url: masker.mask(request.url),
            headers: request.headers.map(masker.mask),
            bodyExcerpt: bodyExcerpt(of: request.body)
        )
    }

    func record(of response: HTTPResponse) -> ResponseRecord {
        ResponseRecord(
            status: response.status,
            httpVersion: response.httpVersion,
            headers: response.headers.map(masker.mask),
            bodyExcerpt: excerpt(response.bodyText),
            bodySize: response.bodySize,
            timings: response.timings,
            effectiveURL: masker.mask(response.effectiveURL)
        )
    }

    func excerpt(_ text: String) -> String {
        let masked = masker.mask(text)
        return masked.count > Self.excerptLength ? String(masked.prefix(Self.excerptLength)) + "…" : masked
    }

    private func bodyExcerpt(of body: HTTPBody) -> String? {
        switch body {
        case .none:
            return nil
        case .bytes(let bytes, let contentType):
            let text = String(decoding: bytes, as: UTF8.self)
            return excerpt(contentType == "application/x-www-form-urlencoded" ? Self.maskSensitiveFields(text) : text)
        case .multipart(let parts):
            return excerpt(parts.map { part in
                switch part.content {
                case .text(let text):
                    "\(part.name)=\(SecretMasker.isSensitiveName(part.name) ? SecretMasker.mask : text)"
                case .file(_, let filename, _): "\(part.name)=@\(filename ?? "file")"
                case .data(let bytes, let filename, _): "\(part.name)=@\(filename)(\(bytes.count) bytes)"
                }
            }.joined(separator: "&"))
        }
    }

    /// Hides form fields named like credentials (`password`, `_token`) even when not marked secret.
    static func maskSensitiveFields(_ form: String) -> String {
        form.split(separator: "&", omittingEmptySubsequences: false).map { pair in
            guard let equals = pair.firstIndex(of: "="), SecretMasker.isSensitiveName(String(pair[..<equals])) else {
                return String(pair)
            }
            return "\(pair[..<equals])=\(SecretMasker.mask)"
        }.joined(separator: "&")
    }
}
