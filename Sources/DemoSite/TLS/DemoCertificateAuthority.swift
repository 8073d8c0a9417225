import Crypto
import Foundation
import SwiftASN1
import X509

/// A throwaway certificate authority and a server certificate it signed, made in memory at start: what lets
/// `csar-check demo` serve HTTPS and verify it (the CA given as `--cacert` would be), with no file to ship and
/// no `--insecure`.
public struct DemoCertificateAuthority: Sendable {
    /// The CA's certificate (PEM): the one trust anchor a client needs.
    public let caCertificatePEM: String
    /// The server certificate, its key and host name, ready for ``DemoSiteConfiguration/tls``.
    public let serverTLS: DemoSiteTLS

    /// Makes a CA (`csar-check demo CA`) and a server certificate for `hostName` and `ipAddress`, both valid from
    /// a minute ago for `validDays` days, with P-256 keys.
    public static func make(
        hostName: String = "localhost", ipAddress: [UInt8] = [127, 0, 0, 1], validDays: Int = 90, now: Date = Date()
    ) throws -> DemoCertificateAuthority {
        let notBefore = now.addingTimeInterval(-60)
        let notAfter = now.addingTimeInterval(TimeInterval(validDays) * 86_400)
        let caKey = P256.Signing.PrivateKey()
        let caPublicKey = Certificate.PublicKey(caKey.publicKey)
        let caName = try DistinguishedName {
            OrganizationName("csar-check")
            CommonName("csar-check demo CA")
        }
        let ca = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: caPublicKey, notValidBefore: notBefore,
            notValidAfter: notAfter, issuer: caName, subject: caName,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                SubjectKeyIdentifier(hash: caPublicKey)
            },
            issuerPrivateKey: .init(caKey))

        let serverKey = P256.Signing.PrivateKey()
        let serverPublicKey = Certificate.PublicKey(serverKey.publicKey)
        let server = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: serverPublicKey, notValidBefore: notBefore,
            notValidAfter: notAfter, issuer: caName,
            subject: try DistinguishedName {
                OrganizationName("csar-check")
                CommonName(hostName)
            },
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([.serverAuth])
                SubjectKeyIdentifier(hash: serverPublicKey)
                AuthorityKeyIdentifier(keyIdentifier: SubjectKeyIdentifier(hash: caPublicKey).keyIdentifier)
                SubjectAlternativeNames([.dnsName(hostName), .ipAddress(ASN1OctetString(contentBytes: ipAddress[...]))])
            },
            issuerPrivateKey: .init(caKey))

        return DemoCertificateAuthority(
            caCertificatePEM: try ca.serializeAsPEM().pemString,
            serverTLS: DemoSiteTLS(
                certificateChainPEM: try server.serializeAsPEM().pemString,
                privateKeyPEM: serverKey.pemRepresentation, serverName: hostName))
    }
}
