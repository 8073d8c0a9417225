import DemoSite
import Foundation

/// The demo site's HTTPS: a certificate authority made for this run, whose certificate the run trusts as
/// `--cacert FILE` would make it (never `--insecure`), written to a temporary file that ``remove()`` deletes.
struct DemoHTTPS {
    let authority: DemoCertificateAuthority
    /// The CA certificate (PEM), for ``TransferOptions/caCertificatePath``.
    let caCertificateFile: URL

    /// A CA and a certificate for `localhost` and 127.0.0.1, valid for 90 days.
    static func make() throws -> DemoHTTPS {
        let authority = try DemoCertificateAuthority.make(validDays: 90)
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("csar-check-demo-ca-\(UUID().uuidString.prefix(8).lowercased()).pem")
        try Data(authority.caCertificatePEM.utf8).write(to: file, options: .withoutOverwriting)
        return DemoHTTPS(authority: authority, caCertificateFile: file)
    }

    /// The site settings that serve HTTPS with the certificate, plus a plain-HTTP port that redirects to it.
    func configure(_ site: inout DemoSiteConfiguration) {
        site.tls = authority.serverTLS
    }

    func remove() {
        try? FileManager.default.removeItem(at: caCertificateFile)
    }
}
