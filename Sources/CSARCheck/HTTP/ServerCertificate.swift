import Foundation

/// What a TLS handshake showed of a server: its leaf certificate, the protocol agreed, and whether the chain
/// verified for the host name (with the run's CA bundle, as every request of the run verifies it).
public struct ServerCertificate: Sendable, Equatable, Codable {
    /// The `https://host:port` the handshake was made with.
    public var origin: String
    /// RFC 2253 distinguished names, e.g. `CN=csar.sn,O=CSAR`.
    public var subject: String
    public var issuer: String
    /// The DNS names and IP addresses the certificate is valid for.
    public var alternativeNames: [String]
    public var notBefore: Date
    public var notAfter: Date
    /// `TLSv1.3`, `TLSv1.2`…
    public var tlsProtocol: String
    /// Nil when the chain verified for the host name; else why not, in libcurl's words (or `--insecure`).
    public var verificationProblem: String?
    /// When the handshake was made: what days to expiry count from, everywhere they are shown.
    public var checkedAt = Date()

    public var verified: Bool { verificationProblem == nil }
    /// The run does not verify certificates (`--insecure`): nothing was checked, nothing is refused.
    public var verifiedNothing: Bool { verificationProblem == Self.notVerified }
    static let notVerified = "not verified (--insecure)"

    /// Whole days from the handshake to the end of validity, rounded down; negative once expired.
    public var daysLeft: Int {
        Int((notAfter.timeIntervalSince(checkedAt) / 86_400).rounded(.down))
    }

    /// One line for the console and the reports: who it is for, who signed it, when it ends, in days.
    public var summary: String {
        let days = daysLeft
        let left =
            days >= 0 ? "\(days) day\(days == 1 ? "" : "s") left" : "expired \(-days) day\(days == -1 ? "" : "s") ago"
        return "\(subject), issued by \(issuer), expires \(Self.dayText(notAfter)) (\(left)), \(tlsProtocol), "
            + (verifiedNothing
                ? Self.notVerified : verificationProblem.map { "not verified: \($0)" } ?? "verified for \(origin)")
    }

    /// `2027-03-07` (UTC).
    static func dayText(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: date)
    }
}

extension ServerCertificate {
    /// The certificate as a `certificate:` step's response, for transcripts: its fields as headers, the summary
    /// as the body, status 200 (the handshake completed), the handshake's time.
    func response(url: String, elapsed: Double) -> HTTPResponse {
        let headers = [
            HTTPHeader("Subject", subject), HTTPHeader("Issuer", issuer),
            HTTPHeader("Subject-Alternative-Names", alternativeNames.joined(separator: ", ")),
            HTTPHeader("Not-Before", Self.dayText(notBefore)), HTTPHeader("Not-After", Self.dayText(notAfter)),
            HTTPHeader("Days-Left", String(daysLeft)), HTTPHeader("Protocol", tlsProtocol),
            HTTPHeader("Verification", verificationProblem ?? "verified"),
            HTTPHeader("Content-Type", "text/plain; charset=utf-8"),
        ]
        return HTTPResponse(
            status: 200, httpVersion: "", headers: headers, body: Array(summary.utf8),
            timings: HTTPTimings(firstByte: elapsed, total: elapsed), effectiveURL: url)
    }
}
