import Foundation

/// Runs scenarios step by step over one HTTP client per scenario (one connection, one cookie jar).
/// Blocking: call it from a thread you own, not from Swift's cooperative pool.
public struct ScenarioRunner: Sendable {
    public let configuration: RunConfiguration

    public init(configuration: RunConfiguration) {
        self.configuration = configuration
    }

    /// Runs every step of `scenario`; `onStep` sees each result as soon as it is known (console output).
    /// `masker` collects the secrets found on the way (a run shares one across its scenarios); the result
    /// comes back masked with everything it knows.
    /// `reachability` is shared by a run's scenarios: once the target proved unreachable, steps are not sent.
    public func run(
        _ scenario: Scenario, masker: SecretMasker? = nil, stop: StopSignal = .init(),
        reachability: Reachability = .init(), onStep: (StepResult) -> Void = { _ in }
    ) -> ScenarioResult {
        let started = Date()
        let masker = masker ?? SecretMasker(secrets: configuration.secrets)
        let variables = VariableStore(environment: configuration.environment, masker: masker)
        var result = ScenarioResult(
            name: scenario.name, file: scenario.file, baseURL: configuration.baseURL, steps: [],
            startedAt: started, duration: 0
        )
        do {
            result.baseURL = try prepareVariables(of: scenario, in: variables)
        } catch {
            result.setupError = error.description
            return result
        }
        let client = HTTPClient(options: configuration.transfer, stop: stop)
        configuration.initialCookies.forEach(client.addCookie)
        let stepRunner = StepRunner(
            client: client, variables: variables, selection: configuration.selection,
            builder: RequestBuilder(
                variables: variables, baseURL: result.baseURL,
                scenarioFolder: URL(fileURLWithPath: scenario.file).deletingLastPathComponent().path,
                allowedOrigins: configuration.allowedOrigins
            ),
            transcript: Transcript(masker: masker),
            stop: stop, runStartedAt: configuration.startedAt
        )
        for step in scenario.steps.lazy.flatMap(stepRunner.repetitions) where !stop.isRequested {
            var stepResult: StepResult
            if let reason = reachability.skipReason(for: result.baseURL) {
                stepResult = StepResult(
                    name: step.name, location: step.location, outcome: .skipped, assertions: [], captures: [],
                    captureFailures: [], attempts: 0, startedAt: Date())
                stepResult.problem = reason
            } else {
                stepResult = stepRunner.run(step)
                reachability.record(stepResult, baseURL: result.baseURL)
            }
            result.steps.append(stepResult)
            result.notes += stepResult.notes.map { "step '\(step.name)': \($0)" }
            onStep(stepResult)
        }
        stepRunner.finish()
        if scenario.load != nil, let reason = reachability.skipReason(for: result.baseURL) {
            result.notes.append("load \(reason)")
        } else if let load = scenario.load, result.passed, !stop.isRequested {
            // After the steps, so the load may use their captures; one that cannot run is a setup error.
            do {
                result.load = try LoadRunner.run(
                    load, baseURL: result.baseURL, variables: variables, transfer: configuration.transfer,
                    cookies: configuration.initialCookies, allowedOrigins: configuration.allowedOrigins, stop: stop,
                    showProgress: true
                )
            } catch {
                result.setupError = error.message
            }
        }
        result.duration = Date().timeIntervalSince(started)
        return result.masked(by: masker)
    }

    /// Sets built-ins, declared variables and `--var`s; returns the base URL this scenario uses. The run's
    /// preflight has found missing values already: this only meets those that vanished since.
    private func prepareVariables(of scenario: Scenario, in variables: VariableStore) throws(ScenarioError) -> String {
        let (baseURL, missing) = ScenarioVariables.prepare(scenario, configuration: configuration, into: variables)
        if let first = missing.first { throw ScenarioVariables.missingError(first) }
        guard let baseURL else {
            let names = scenario.baseURL?.variableNames.filter { variables.lookup($0) == nil } ?? []
            throw ScenarioError(
                location: .init(file: scenario.file, line: 1, column: 1), key: "base_url",
                message: "undefined variable '\(names.first ?? "")'")
        }
        return baseURL
    }
}
