import ArgumentParser
import CSARCheck
import Foundation

/// Where requests go and how: base URL, variables, TLS and timeouts.
struct TargetOptions: ParsableArguments {
    @Option(
        name: .long, help: "The site under test, e.g. https://csar.sn (or CSAR_BASE_URL, or APP_URL from --env-file).")
    var baseURL: String?

    @Option(
        name: .long, help: "A Laravel .env file: APP_URL becomes the base URL; its keys are readable as {{ env.KEY }}.")
    var envFile: String?

    @Option(
        name: .customLong("var"), help: ArgumentHelp("Set a scenario variable (repeatable).", valueName: "name=value"))
    var variables: [String] = []

    @Option(
        name: .long,
        help: "Secret of `php artisan down --secret` (or CSAR_BYPASS_SECRET): test behind maintenance mode.")
    var bypassSecret: String?

    @OptionGroup var connection: ConnectionOptions

    /// The process environment with the `.env` file under it: exported variables win, as in Laravel.
    func environment() throws -> [String: String] {
        let process = ProcessInfo.processInfo.environment
        guard let envFile else { return process }
        do {
            return try EnvFile.load(path: envFile).merging(process) { _, processValue in processValue }
        } catch {
            throw CommandFailure(message: "\(error)", verdict: .configurationError)
        }
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
            envFile.flatMap { _ in environment["APP_URL"] },
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
