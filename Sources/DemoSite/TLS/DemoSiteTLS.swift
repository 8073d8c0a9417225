import NIOSSL

/// What the demo site needs to serve HTTPS: its certificate chain and key, in PEM, and the host name clients
/// should use (the one the certificate names).
public struct DemoSiteTLS: Sendable {
    /// The server's certificate first, then the intermediates, if any (PEM blocks one after the other).
    public var certificateChainPEM: String
    /// The server certificate's private key (PEM).
    public var privateKeyPEM: String
    /// The host name in ``RunningDemoSite/baseURL`` and in the plain-HTTP listener's redirects, e.g. `localhost`.
    public var serverName: String
    /// Also listen for plain HTTP on another port, answering every request with a 301 to the same path over
    /// HTTPS, as a production site's port 80 does (``RunningDemoSite/plainHTTPBaseURL``).
    public var redirectsPlainHTTP: Bool

    public init(certificateChainPEM: String, privateKeyPEM: String, serverName: String, redirectsPlainHTTP: Bool = true)
    {
        self.certificateChainPEM = certificateChainPEM
        self.privateKeyPEM = privateKeyPEM
        self.serverName = serverName
        self.redirectsPlainHTTP = redirectsPlainHTTP
    }

    /// NIOSSL's server configuration: TLS 1.2 or newer, HTTP/1.1 only (the site speaks no HTTP/2).
    func serverConfiguration() throws -> TLSConfiguration {
        let chain = try NIOSSLCertificate.fromPEMBytes(Array(certificateChainPEM.utf8))
        let key = try NIOSSLPrivateKey(bytes: Array(privateKeyPEM.utf8), format: .pem)
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        configuration.minimumTLSVersion = .tlsv12
        configuration.applicationProtocols = ["http/1.1"]
        return configuration
    }
}
