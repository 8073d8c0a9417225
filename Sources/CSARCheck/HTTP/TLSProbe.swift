internal import CCurl
import Foundation

/// A TLS handshake with a server and nothing else (the transfer stops before its request is sent), to read its
/// certificate. The first handshake verifies as the run's requests do (chain, host name, `--cacert`); when
/// that fails, a second one without verification reads the certificate the server presents, so the report
/// can say what is wrong with it (expired on which day, made for which host, signed by whom).
public struct TLSProbe: Sendable {
    public let options: TransferOptions
    /// Raised by a signal: the handshake is abandoned.
    let stop: StopSignal?

    public init(options: TransferOptions, stop: StopSignal? = nil) {
        self.options = options
        self.stop = stop
    }

    /// The certificate of `url`'s server; a transport error when no handshake completed at all (nothing
    /// listens, the host does not resolve, the server does not speak TLS).
    public func certificate(of url: String) -> Result<ServerCertificate, TransportError> {
        guard let origin = Origin(url: url), origin.scheme == "https" else {
            return .failure(
                TransportError(url: url, phase: .url, code: -1, message: "not an https:// URL: no certificate to read"))
        }
        let verifying = options.insecure ? nil : handshake(url, verify: true)
        if case .success(let certificate) = verifying { return .success(certificate) }
        let problem: String
        switch verifying {
        case .failure(let error) where error.phase != .tls: return .failure(error)
        case .failure(let error): problem = error.message
        default: problem = ServerCertificate.notVerified
        }
        return handshake(url, verify: false).map { certificate in
            var certificate = certificate
            certificate.verificationProblem = problem
            return certificate
        }
    }

    private func handshake(_ url: String, verify: Bool) -> Result<ServerCertificate, TransportError> {
        if stop?.isRequested == true { return .failure(.interrupted(url: url)) }
        let easy = CurlEasy()
        easy.reset()
        var settings = options
        settings.insecure = !verify
        easy.configureVerification(settings)
        easy.set(CURLOPT_URL, url)
        easy.set(CURLOPT_CONNECTTIMEOUT_MS, HTTPClient.milliseconds(options.connectTimeout))
        easy.set(CURLOPT_TIMEOUT_MS, HTTPClient.milliseconds(options.totalTimeout))
        let (code, found) = easy.performHandshakeOnly()
        guard code == CURLE_ABORTED_BY_CALLBACK || code == CURLE_OK else {
            return .failure(TransportError(code: code, url: url, message: easy.errorMessage(for: code), easy: easy))
        }
        guard let raw = found else {
            return .failure(
                TransportError(url: url, phase: .tls, code: -1, message: "the server presented no certificate"))
        }
        return .success(
            ServerCertificate(
                origin: Origin(url: url)?.description ?? url,
                subject: Self.text(raw.subject), issuer: Self.text(raw.issuer),
                alternativeNames: Self.text(raw.alt_names).split(separator: ",").map {
                    $0.trimmingCharacters(in: .whitespaces)
                },
                notBefore: Date(timeIntervalSince1970: TimeInterval(raw.not_before)),
                notAfter: Date(timeIntervalSince1970: TimeInterval(raw.not_after)),
                tlsProtocol: Self.text(raw.protocol), verificationProblem: nil))
    }

    /// A fixed-size C character array as a string.
    private static func text<Tuple>(_ tuple: Tuple) -> String {
        withUnsafeBytes(of: tuple) { bytes in
            String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}
