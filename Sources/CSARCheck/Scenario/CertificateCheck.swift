/// A step's `certificate:`: a TLS handshake with the server of a URL (relative to the base URL, or absolute),
/// and no request. The certificate stands for the step's response: `tls:` checks read it (`verified`,
/// `days_left`, `protocol`, `subject`, `issuer`, `alt_names`), reports show its subject, issuer and expiry.
public struct CertificateCheck: Sendable {
    public var url: Template
    public var location: SourceLocation
    /// Its key path, e.g. `steps[0].certificate`.
    public var key: String
}

/// What a `tls:` check reads of a `certificate:` step's certificate.
public enum TLSField: String, Sendable, CaseIterable {
    /// Whether the chain verified for the host name, as the run's requests verify it (`true` / `false`).
    case verified
    /// Why it did not verify, in libcurl's words (nothing when it did).
    case verificationProblem = "verification_problem"
    /// Whole days until it expires, negative once expired.
    case daysLeft = "days_left"
    /// The protocol agreed: `TLSv1.3`, `TLSv1.2`…
    case tlsProtocol = "protocol"
    case subject, issuer
    /// The DNS names and IP addresses it is valid for, as one list (`contains: csar.sn`, `count:`, `each:`).
    case altNames = "alt_names"
    /// The day it expires, `2027-03-07`.
    case expires
}

/// Reads a step's `certificate:` (see `CertificateCheck`).
enum CertificateCheckLoading {
    static func check(_ step: MappingFields, scope: VariableScope) throws(ScenarioError) -> CertificateCheck? {
        guard let node = step.value("certificate") else { return nil }
        let key = step.keyPath("certificate")
        let url = try ScalarReading.url(node, key: key, reader: step.reader)
        try scope.check(url, at: node, key: key)
        return CertificateCheck(url: url, location: step.location("certificate"), key: key)
    }
}
