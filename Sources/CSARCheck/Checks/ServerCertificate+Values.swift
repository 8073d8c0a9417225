import Foundation

extension ServerCertificate {
    /// What a `tls:` check of `field` selects.
    func values(of field: TLSField) -> [JSONValue] {
        switch field {
        case .verified: [.bool(verified)]
        case .verificationProblem: verificationProblem.map { [.string($0)] } ?? []
        case .daysLeft: [.number(Double(daysLeft))]
        case .tlsProtocol: [.string(tlsProtocol)]
        case .subject: [.string(subject)]
        case .issuer: [.string(issuer)]
        case .altNames: [.array(alternativeNames.map(JSONValue.string))]
        case .expires: [.string(Self.dayText(notAfter))]
        }
    }
}
