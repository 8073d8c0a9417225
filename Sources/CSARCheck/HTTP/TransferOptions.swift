/// Connection-level settings shared by every request of a run.
public struct TransferOptions: Sendable, Equatable {
    /// Seconds allowed to establish the connection (DNS, TCP and TLS).
    public var connectTimeout: Double
    /// Seconds allowed for the whole transfer.
    public var totalTimeout: Double
    /// Bytes of body kept per response; the rest is received and counted but dropped.
    public var maxBodyBytes: Int
    /// Skip TLS certificate and host name verification (`--insecure`). Off by default.
    public var insecure: Bool
    /// A CA bundle to verify servers with instead of the system one (`--cacert`).
    public var caCertificatePath: String?
    /// Negotiate HTTP/2 (ALPN over TLS, prior knowledge is not assumed for plain HTTP).
    public var http2: Bool
    public var userAgent: String

    public init(
        connectTimeout: Double = 10, totalTimeout: Double = 30, maxBodyBytes: Int = 4 << 20,
        insecure: Bool = false, caCertificatePath: String? = nil, http2: Bool = false,
        userAgent: String = "csar-check/\(CSARCheckVersion.current)"
    ) {
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.maxBodyBytes = maxBodyBytes
        self.insecure = insecure
        self.caCertificatePath = caCertificatePath
        self.http2 = http2
        self.userAgent = userAgent
    }
}

/// The version printed by `--version` and written into reports.
public enum CSARCheckVersion {
    public static let current = "0.2.0"
}
