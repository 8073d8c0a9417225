import ArgumentParser
import CSARCheck

/// TLS and timeout flags, the same for scenario runs and load runs.
struct ConnectionOptions: ParsableArguments {
    @Flag(name: .long, help: "Do not verify TLS certificates (self-signed staging only).")
    var insecure = false

    @Option(name: .long, help: "CA bundle to verify the server's certificate with.")
    var cacert: String?

    @Option(name: .long, help: "Seconds allowed for each request.")
    var timeout: Double = 30

    @Option(name: .long, help: "Seconds allowed to connect.")
    var connectTimeout: Double = 10

    func transferOptions(http2: Bool = false) -> TransferOptions {
        TransferOptions(connectTimeout: connectTimeout, totalTimeout: timeout, insecure: insecure, caCertificatePath: cacert, http2: http2)
    }
}
