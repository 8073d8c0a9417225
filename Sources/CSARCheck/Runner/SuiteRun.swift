import Foundation

/// Runs loaded scenarios one after another, prints them as they go and writes the JUnit report,
/// also when checks fail. The verdict decides the exit code.
public struct SuiteRun: Sendable {
    public var scenarios: [Scenario]
    public var configuration: RunConfiguration
    public var reporter: ConsoleReporter
    /// Folder for report files; nil writes none.
    public var reportsDirectory: String?

    public init(scenarios: [Scenario], configuration: RunConfiguration, reporter: ConsoleReporter, reportsDirectory: String?) {
        self.scenarios = scenarios
        self.configuration = configuration
        self.reporter = reporter
        self.reportsDirectory = reportsDirectory
    }

    public struct Outcome: Sendable {
        public var results: [ScenarioResult]
        public var verdict: RunVerdict
        /// Paths of the reports written.
        public var reports: [String]
        public var reportError: String?
    }

    /// Blocking: run it with `DedicatedThread.run`.
    public func execute() -> Outcome {
        let runner = ScenarioRunner(configuration: configuration)
        var results: [ScenarioResult] = []
        for scenario in scenarios {
            reporter.scenarioStarted(scenario, baseURL: configuration.baseURL)
            let result = runner.run(scenario, onStep: reporter.stepFinished)
            if result.setupError != nil { reporter.scenarioSetupFailed(result) }
            results.append(result)
        }
        reporter.summary(results)
        var outcome = Outcome(results: results, verdict: RunVerdict(results: results), reports: [])
        if let reportsDirectory {
            let path = (reportsDirectory as NSString).appendingPathComponent("junit.xml")
            do {
                try ReportFile.write(JUnitReport(results: results).xml(), to: path)
                outcome.reports.append(path)
            } catch {
                outcome.reportError = "cannot write \(path): \(error.localizedDescription)"
            }
        }
        return outcome
    }
}
