/// What a request must satisfy to be sent at all, checked in one place for scenario steps and load runs:
/// an http or https URL (a scenario must never read `file:///etc/passwd` and send it on), and a method,
/// header names and header values that cannot smuggle a line break into the request (header injection).
extension HTTPRequest {
    /// The schemes csar-check ever sends to, for the request and for every redirect it follows.
    public static let allowedSchemes = ["http", "https"]

    /// Why this request must not be sent, or nil when it may.
    public var safetyProblem: String? {
        if let problem = Self.schemeProblem(url, absoluteRequired: true) { return problem }
        if url.unicodeScalars.contains(where: Self.isControl) {
            return "the URL holds a control character (line break, tab or NUL); not sent"
        }
        if !Self.isToken(method) { return "the method '\(method)' is not an HTTP token; not sent" }
        for header in headers {
            if let problem = Self.headerProblem(name: header.name, value: header.value) { return problem }
        }
        if case .bytes(_, let contentType?) = body,
            let problem = Self.headerProblem(name: "Content-Type", value: contentType)
        {
            return problem
        }
        return nil
    }

    /// Why `url` cannot be sent: a scheme other than http or https, or (when required) no scheme at all.
    /// A relative URL (no `scheme://`) passes when `absoluteRequired` is false: it is joined to the base URL.
    public static func schemeProblem(_ url: String, absoluteRequired: Bool = false) -> String? {
        guard let separator = url.range(of: "://") else {
            return absoluteRequired ? "'\(url)' is not an absolute http:// or https:// URL; not sent" : nil
        }
        let scheme = url[..<separator.lowerBound]
        let letters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        guard let first = scheme.first, letters.contains(first),
            scheme.allSatisfy({ letters.contains($0) || "0123456789+-.".contains($0) })
        else {
            return absoluteRequired ? "'\(url)' is not an absolute http:// or https:// URL; not sent" : nil
        }
        guard allowedSchemes.contains(scheme.lowercased()) else {
            return "the scheme '\(scheme)' is not allowed: only http:// and https:// URLs are sent"
        }
        return nil
    }

    /// Why a header cannot be sent: a name that is not an HTTP token, or a value with a line break or NUL.
    public static func headerProblem(name: String, value: String) -> String? {
        guard isToken(name) else { return "the header name '\(name)' is not an HTTP token; not sent" }
        if value.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) {
            return
                "the value of header '\(name)' holds a line break (CR/LF) or NUL, which would inject headers; not sent"
        }
        return nil
    }

    /// RFC 9110 `token`: the characters allowed in a method or a header name.
    static func isToken(_ text: String) -> Bool {
        !text.isEmpty
            && text.unicodeScalars.allSatisfy { scalar in
                scalar.isASCII
                    && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                        || "!#$%&'*+-.^_`|~".unicodeScalars.contains(scalar))
            }
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F
    }
}
