import Foundation

/// Everything a run needs besides the scenario files: where to send requests and with which settings.
public struct RunConfiguration: Sendable {
    /// The site under test, e.g. `https://csar.sn`; relative step URLs are joined to it.
    public var baseURL: String
    /// `--var name=value` pairs; they override the files' own variables.
    public var variables: [String: String]
    /// `--var FILE.name=value` pairs by file (its name without `.yaml`): they override the file's own
    /// variables, and `variables`, in that file only.
    public var fileVariables: [String: [String: String]] = [:]
    /// `--tag` and `--skip`: which files and steps run.
    public var selection = TagSelection()
    /// The process environment merged with the `.env` file (the process wins, as Laravel's loader does).
    public var environment: [String: String]
    public var transfer: TransferOptions
    /// Cookies every scenario's jar starts with (the maintenance-mode bypass cookie).
    public var initialCookies: [Cookie]
    /// Values to mask everywhere, whatever scenario prints them (the bypass secret).
    public var secrets: [String]
    /// Identifies the run; usable as `{{ run_id }}` to make submitted data unique.
    public var runID: String
    /// When the run started: a side effect (a mail) received before it is never taken for this run's.
    public var startedAt = Date()
    /// `--require-side-effects`: a mail, SMS or event check not run for want of its settings fails the run.
    public var requireSideEffects = false
    /// The secret of `php artisan down --secret`; the command visits the bypass path with it before the run
    /// and puts the cookie it gets into `initialCookies` (see `MaintenanceMode.bypass`).
    public var bypassSecret: String?
    /// `--allow-origin`: origins besides the base URL's that may receive the run's credentials (a payment
    /// provider's form, a single sign-on host); see `CredentialConfinement`.
    public var allowedOrigins: [Origin] = []

    /// The `--var` values that hold in `scenario`: its file's own (`--var FILE.name=…`) over the run's.
    public func variables(for scenario: Scenario) -> [String: String] {
        variables.merging(fileVariables[scenario.fileStem] ?? [:]) { _, own in own }
    }

    public init(
        baseURL: String, variables: [String: String] = [:], environment: [String: String] = [:],
        transfer: TransferOptions = .init(), initialCookies: [Cookie] = [], secrets: [String] = [],
        runID: String = String(UUID().uuidString.prefix(8)).lowercased()
    ) {
        self.baseURL = baseURL
        self.variables = variables
        self.environment = environment
        self.transfer = transfer
        self.initialCookies = initialCookies
        self.secrets = secrets
        self.runID = runID
    }
}
