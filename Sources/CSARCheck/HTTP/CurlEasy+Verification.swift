internal import CCurl

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension CurlEasy {
    /// TLS verification as `options` ask (on unless `--insecure`), trusting the CA bundle alone: `--cacert`,
    /// or libcurl's default bundle when it exists.
    ///
    /// Debian's libcurl also has a default CA directory (`/etc/ssl/certs`), and libcurl 7.87+ keeps the parsed
    /// CA store for the next connections only when no directory is set. With one set, every new TLS connection
    /// parses the whole bundle again: about 140 certificates, 18 ms of CPU per connection on this machine, which
    /// caps a run without keep-alive at some 50 handshakes per second and core. The bundle holds the same
    /// certificates as the directory (`update-ca-certificates` writes both), and `--cacert` means "this CA
    /// instead of the system's"; so the directory is left out whenever there is a bundle to read.
    func configureVerification(_ options: TransferOptions) {
        set(CURLOPT_SSL_VERIFYPEER, options.insecure ? 0 : 1)
        set(CURLOPT_SSL_VERIFYHOST, options.insecure ? 0 : 2)
        if let caPath = options.caCertificatePath { set(CURLOPT_CAINFO, caPath) }
        if options.caCertificatePath != nil || Self.defaultBundleIsReadable {
            set(CURLOPT_CAPATH, pointer: nil)
        }
    }

    /// Whether libcurl's built-in CA bundle (`curl-config --ca`) is there to read.
    private static let defaultBundleIsReadable: Bool = {
        let probe = CurlEasy()
        guard let path = probe.info(string: CURLINFO_CAINFO) else { return false }
        return access(path, R_OK) == 0
    }()
}
