/// Builds the masked, shortened records of requests and responses that outputs and reports show.
/// Text is always masked before it is cut, and field names stay readable: only values are hidden.
struct Transcript {
    static let excerptLength = 600
    let masker: SecretMasker

    func record(of request: HTTPRequest) -> RequestRecord {
        RequestRecord(
            method: request.method,
            url: masker.maskURL(request.url),
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
            effectiveURL: masker.maskURL(response.effectiveURL)
        )
    }

    func excerpt(_ text: String) -> String {
        masker.excerpt(text, length: Self.excerptLength)
    }

    /// Registers what a request carries under credential-like names (a password field, a JSON `token`)
    /// so the same values are masked wherever they come back, e.g. echoed in a page.
    func registerSecrets(of request: HTTPRequest) {
        guard case .bytes(let bytes, let contentType) = request.body else { return }
        let text = String(decoding: bytes, as: UTF8.self)
        var values: [String] = []
        if contentType == "application/x-www-form-urlencoded" {
            values = Self.sensitiveFields(text).map { $0.removingPercentEncoding ?? $0 }
        } else if let document = try? JSONValue.parse(bytes) {
            values = TokenScanner.secrets(inJSON: document)
        }
        for value in values { masker.add(value, minimumLength: TokenScanner.minimumLength) }
    }

    private func bodyExcerpt(of body: HTTPBody) -> String? {
        switch body {
        case .none:
            return nil
        case .bytes(let bytes, let contentType):
            let text = String(decoding: bytes, as: UTF8.self)
            if contentType == "application/x-www-form-urlencoded" { return excerpt(Self.maskSensitiveFields(text)) }
            if let document = try? JSONValue.parse(bytes), case .object = document {
                return excerpt(Self.maskSensitiveMembers(document).jsonText)
            }
            return excerpt(text)
        case .multipart(let parts):
            return excerpt(
                parts.map { part in
                    switch part.content {
                    case .text(let text):
                        "\(part.name)=\(SecretMasker.isSensitiveFieldName(part.name) ? SecretMasker.mask : text)"
                    case .file(_, let filename, _): "\(part.name)=@\(filename ?? "file")"
                    case .data(let bytes, let filename, _): "\(part.name)=@\(filename)(\(bytes.count) bytes)"
                    }
                }.joined(separator: "&"))
        }
    }

    /// Hides the values of form fields named like credentials (`password`, `_token`) even when not marked
    /// secret; the names stay, so a reader sees which fields were sent.
    static func maskSensitiveFields(_ form: String) -> String {
        form.split(separator: "&", omittingEmptySubsequences: false).map { pair in
            guard let equals = pair.firstIndex(of: "="), SecretMasker.isSensitiveFieldName(String(pair[..<equals]))
            else {
                return String(pair)
            }
            return "\(pair[..<equals])=\(SecretMasker.mask)"
        }.joined(separator: "&")
    }

    /// The raw values of form fields named like credentials.
    static func sensitiveFields(_ form: String) -> [String] {
        form.split(separator: "&").compactMap { pair -> String? in
            guard let equals = pair.firstIndex(of: "="), SecretMasker.isSensitiveFieldName(String(pair[..<equals]))
            else {
                return nil
            }
            return pair[equals...].dropFirst().replacingOccurrences(of: "+", with: " ")
        }
    }

    /// A JSON document with the string values of members named like credentials hidden, at any depth.
    static func maskSensitiveMembers(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            return .object(
                JSONObject(
                    zip(object.keys, object.values).map { key, member in
                        if SecretMasker.isSensitiveFieldName(key), case .string = member {
                            return (key, .string(SecretMasker.mask))
                        }
                        return (key, maskSensitiveMembers(member))
                    }))
        case .array(let items):
            return .array(items.map(maskSensitiveMembers))
        default:
            return value
        }
    }
}
