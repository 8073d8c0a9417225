import ArgumentParser
import CSARCheck
import Foundation

/// TLS and timeout flags, the same for scenario runs and load runs.
struct ConnectionOptions: ParsableArguments {
    @Flag(name: .long, help: "Do not verify TLS certificates (self-signed staging only).")
    var insecure = false

    @Option(
        name: .long,
        help:
            "CA bundle to verify the server's certificate with (also CSAR_CACERT, from the environment or --env-file).")
    var cacert: String?

    /// The variable naming the CA bundle when `--cacert` does not: a pipeline whose site has a private CA sets
    /// it once, in its environment or the file it gives `--env-file`.
    static let caEnvironmentVariable = "CSAR_CACERT"

    @Option(
        name: .long, help: "Time allowed for each request: 30s, 500ms, 2m, or seconds.",
        transform: DurationArgument.parse)
    var timeout = DurationArgument(seconds: 30)

    @Option(
        name: .long, help: "Time allowed to connect: 10s, 500ms, or seconds.", transform: DurationArgument.parse)
    var connectTimeout = DurationArgument(seconds: 10)

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Time allowed for the whole run — every request, retry, wait and load: 5m, 90s. When it is reached the "
                + "run stops as on SIGTERM (partial reports, exit 130); without it, a hung site holds the run for "
                + "--timeout per request.", valueName: "duration"),
        transform: DurationArgument.parse)
    var maxTime: DurationArgument?

    /// Timeouts pass the one duration check (`DurationRule`): `0`, `inf` or `1e300` would mean no timeout
    /// at all or overflow libcurl's milliseconds. A CA bundle that cannot be read is a usage error.
    func validate() throws {
        for (flag, seconds) in [("--timeout", timeout.seconds), ("--connect-timeout", connectTimeout.seconds)] {
            if let problem = DurationRule.timeout.problem(seconds) { throw ValidationError("\(flag): \(problem)") }
        }
        if let maxTime, let problem = DurationRule.loadDuration.problem(maxTime.seconds) {
            throw ValidationError("--max-time: \(problem)")
        }
        if let cacert, let problem = Self.problem(ofCABundle: cacert) {
            throw ValidationError("--cacert \(cacert): \(problem)")
        }
    }

    /// Why `path` cannot be a CA bundle, or nil when it can be read.
    static func problem(ofCABundle path: String) -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return "no such file" }
        guard !isDirectory.boolValue, FileManager.default.isReadableFile(atPath: path) else {
            return isDirectory.boolValue ? "a folder, not a file" : "cannot read the file"
        }
        return nil
    }

    /// The CA bundle `CSAR_CACERT` names in `environment` when `--cacert` names none (exit 2 when unreadable).
    func caBundle(environment: [String: String]) throws -> String? {
        if let cacert { return cacert }
        guard let path = environment[Self.caEnvironmentVariable], !path.isEmpty else { return nil }
        if let problem = Self.problem(ofCABundle: path) {
            throw CommandFailure(
                message: "\(Self.caEnvironmentVariable)=\(path): \(problem)", verdict: .configurationError)
        }
        return path
    }

    func transferOptions(http2: Bool = false) -> TransferOptions {
        TransferOptions(
            connectTimeout: connectTimeout.seconds, totalTimeout: timeout.seconds, insecure: insecure,
            caCertificatePath: cacert,
            http2: http2)
    }
}
