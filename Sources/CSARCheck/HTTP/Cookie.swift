/// A cookie as held in a client's jar.
public struct Cookie: Sendable, Equatable {
    public var domain: String
    public var path: String
    public var name: String
    public var value: String
    public var secure: Bool
    public var httpOnly: Bool
    /// Unix time of expiry; 0 for a session cookie.
    public var expires: Int

    public init(
        domain: String, path: String = "/", name: String, value: String,
        secure: Bool = false, httpOnly: Bool = false, expires: Int = 0
    ) {
        self.domain = domain
        self.path = path
        self.name = name
        self.value = value
        self.secure = secure
        self.httpOnly = httpOnly
        self.expires = expires
    }

    private static let httpOnlyPrefix = "#HttpOnly_"

    /// Parses one line of libcurl's cookie list (Netscape cookie-file format, tab separated).
    init?(netscapeLine line: String) {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard fields.count >= 7 else { return nil }
        var domain = fields[0]
        httpOnly = domain.hasPrefix(Self.httpOnlyPrefix)
        if httpOnly { domain.removeFirst(Self.httpOnlyPrefix.count) }
        self.domain = domain
        path = fields[2]
        secure = fields[3] == "TRUE"
        expires = Int(fields[4]) ?? 0
        name = fields[5]
        value = fields[6...].joined(separator: "\t")
    }

    var netscapeLine: String {
        let includeSubdomains = domain.hasPrefix(".") ? "TRUE" : "FALSE"
        let domainField = (httpOnly ? Self.httpOnlyPrefix : "") + domain
        return [domainField, includeSubdomains, path, secure ? "TRUE" : "FALSE", String(expires), name, value]
            .joined(separator: "\t")
    }
}
