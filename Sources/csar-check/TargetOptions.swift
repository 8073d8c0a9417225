import ArgumentParser
import CSARCheck
import Foundation

/// Where requests go and how: base URL, variables, which files and steps (`--tag`, `--skip`), TLS and timeouts.
struct TargetOptions: ParsableArguments {
    @Option(
        name: .long, help: "The site under test, e.g. https://csar.sn (or CSAR_BASE_URL, or APP_URL from --env-file).")
    var baseURL: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A Laravel .env file (repeatable): APP_URL becomes the base URL, its keys are read as the environment "
                + "(e.g. CSAR_ADMIN_PASSWORD); a later file wins over an earlier one, the environment over both.",
            valueName: "file"))
    var envFile: [String] = []

    @Option(
        name: .customLong("var"), help: ArgumentHelp("Set a scenario variable (repeatable).", valueName: "name=value"))
    var variables: [String] = []

    @Option(
        name: .long,
        help: "Secret of `php artisan down --secret` (or CSAR_BYPASS_SECRET): test behind maintenance mode.")
    var bypassSecret: String?

    @Flag(
        name: .long,
        help: ArgumentHelp(
            "Fail the run when a side-effect check (e-mail, SMS, real-time notification) could not run for want "
                + "of its settings, instead of reporting it as not run."))
    var requireSideEffects = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Serve the SMS provider double (Orange's API shape) at HOST:PORT during the run, for staging's "
                + "SMS_API_URL; its credentials are SMS_CLIENT_ID and SMS_CLIENT_SECRET (environment or "
                + "--env-file); the sms: steps read it.", valueName: "host:port"),
        transform: ListenAddress.parse)
    var smsSink: ListenAddress?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "An origin besides the base URL's that may receive the run's credentials (repeatable; or "
                + "CSAR_ALLOW_ORIGINS, comma-separated): a form, step or redirect that would send a password, "
                + "token or cookie anywhere else fails instead.", valueName: "scheme://host[:port]"),
        transform: AllowedOrigin.parse)
    var allowOrigin: [Origin] = []

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var selection: SelectionOptions

    /// The process environment with the `.env` files under it: exported variables win, as in Laravel, and a
    /// later file wins over an earlier one (the application's `.env`, then a file of credentials).
    func environment() throws -> [String: String] {
        var merged: [String: String] = [:]
        for file in envFile {
            do {
                merged.merge(try EnvFile.load(path: file)) { _, later in later }
            } catch {
                throw CommandFailure(message: "\(error)", verdict: .configurationError)
            }
        }
        return merged.merging(ProcessInfo.processInfo.environment) { _, processValue in processValue }
    }

    func parsedVariables() throws -> [String: String] {
        var result: [String: String] = [:]
        for pair in variables {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw ValidationError("--var expects name=value, got '\(pair)'")
            }
            result[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
        }
        return result
    }

    /// The base URL from the flag, then CSAR_BASE_URL, then APP_URL: an explicit target, never a guess.
    func resolvedBaseURL(environment: [String: String]) throws -> String {
        let candidates = [
            baseURL, ProcessInfo.processInfo.environment["CSAR_BASE_URL"],
            envFile.isEmpty ? nil : environment["APP_URL"],
        ]
        guard let url = candidates.compactMap({ $0 }).first(where: { !$0.isEmpty }) else {
            throw CommandFailure(
                message: "no target: pass --base-url URL, set CSAR_BASE_URL, or give --env-file with APP_URL",
                verdict: .configurationError
            )
        }
        guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
            throw CommandFailure(
                message: "base URL '\(url)' must start with http:// or https://", verdict: .configurationError)
        }
        return url
    }

    /// The run's settings. A bypass secret is kept (and masked everywhere); the run takes Laravel's
    /// maintenance bypass cookie with it once the files are known to be valid.
    func runConfiguration() async throws -> RunConfiguration {
        let environment = try environment()
        var configuration = RunConfiguration(
            baseURL: try resolvedBaseURL(environment: environment),
            variables: try parsedVariables(),
            environment: environment,
            transfer: connection.transferOptions()
        )
        configuration.transfer.caCertificatePath = try connection.caBundle(environment: environment)
        configuration.selection = selection.selection
        configuration.requireSideEffects = requireSideEffects
        configuration.allowedOrigins = allowOrigin + (try AllowedOrigin.fromEnvironment(environment))
        if let smsSink { try await SMSSink.start(at: smsSink, into: &configuration) }
        if let secret = bypassSecret ?? environment["CSAR_BYPASS_SECRET"], !secret.isEmpty {
            configuration.bypassSecret = secret
            configuration.secrets.append(secret)
        }
        return configuration
    }
}

/// Where reports go.
struct ReportOptions: ParsableArguments {
    @Option(name: .long, help: "Folder for report files.")
    var reports = "Reports"

    @Flag(name: .long, help: "Write no report files.")
    var noReports = false

    var directory: String? { noReports ? nil : reports }
}

/// A failure that ends the command with a message and a given exit code.
struct CommandFailure: Error, CustomStringConvertible {
    var message: String
    var verdict: RunVerdict

    var description: String { message }
}
