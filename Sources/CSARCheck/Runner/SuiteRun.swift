import Foundation

/// Runs loaded scenarios one after another and prints them as they go. Reports are written from its
/// results by the caller (`RunReportBuilder`, `ReportWriter`), also when checks fail.
public struct SuiteRun: Sendable {
    public var scenarios: [Scenario]
    public var configuration: RunConfiguration
    public var reporter: ConsoleReporter
    /// Ctrl-C: the run ends after the current step, and what ran is still reported.
    public var stop: StopSignal

    public init(
        scenarios: [Scenario], configuration: RunConfiguration, reporter: ConsoleReporter,
        stop: StopSignal = .init()
    ) {
        self.scenarios = scenarios
        self.configuration = configuration
        self.reporter = reporter
        self.stop = stop
    }

    /// What a suite produced: each scenario's steps, and the load runs of their `load:` sections.
    public struct Results: Sendable {
        public var scenarios: [ScenarioResult] = []
        public var loads: [RunReportBuilder.LoadRun] = []
    }

    /// The results of a run that could not start (a wrong file, a missing value, a maintenance bypass secret
    /// the site refused): every file carries its reason as its setup error, and nothing was checked.
    public static func notStarted(_ files: [(name: String, file: String, reason: String)], baseURL: String) -> Results {
        var results = Results()
        results.scenarios = files.map { name, file, reason in
            var result = ScenarioResult(
                name: name, file: file, baseURL: baseURL, steps: [], startedAt: Date(), duration: 0)
            result.setupError = reason
            return result
        }
        return results
    }

    /// Blocking: run it with `DedicatedThread.run`.
    public func execute() -> Results {
        let runner = ScenarioRunner(configuration: configuration)
        // One masker for the run: a secret found in one scenario is masked in every other.
        let masker = SecretMasker(secrets: configuration.secrets)
        let bypassUsed = configuration.initialCookies.contains { $0.name == MaintenanceMode.cookieName }
        let reachability = Reachability()
        var results = Results()
        for (index, scenario) in scenarios.enumerated() where !stop.isRequested {
            reporter.scenarioStarted(scenario, baseURL: configuration.baseURL)
            var result = runner.run(
                scenario, masker: masker, stop: stop, reachability: reachability, onStep: reporter.stepFinished)
            result.notes.forEach(reporter.note)
            if result.setupError != nil { reporter.scenarioSetupFailed(result) }
            if let notice = MaintenanceMode.notice(for: result, bypassUsed: bypassUsed) {
                result.notes.append(notice)
                reporter.note(notice)
            }
            if let load = result.load {
                reporter.loadFinished(load)
                if let notice = MaintenanceMode.notice(forLoad: load, baseURL: result.baseURL, bypassUsed: bypassUsed) {
                    result.notes.append(notice)
                    reporter.note(notice)
                }
                // A load-only file's criteria are about its load; with steps, they judge the steps.
                results.loads.append(
                    .init(
                        name: scenario.name, result: load, criteria: scenario.steps.isEmpty ? scenario.criteria : [],
                        scenario: index))
            }
            results.scenarios.append(result)
        }
        reporter.summary(results.scenarios)
        results.scenarios = results.scenarios.map { $0.masked(by: masker) }
        results.loads = results.loads.map { load in
            var masked = load
            masked.result = load.result.masked(by: masker)
            return masked
        }
        return results
    }
}
