import Foundation

/// A run once judged: the report every output is written from, and what the run found out (`RunVerdict.Facts`),
/// from which the exit status is decided once — carried as it is, never read back from the report's figures.
public struct JudgedRun: Sendable {
    public var report: RunReport
    public var facts: RunVerdict.Facts
}

/// Evaluates every criterion on its scope and turns a run's results into the `RunReport` all reports
/// are written from, with the verdict that decides the exit code. The one judge of every command: scenario
/// runs, the gate, the nightly job and `csar-check load` alike.
public struct RunReportBuilder: Sendable {
    /// A finished load run and the criteria of its section.
    public struct LoadRun: Sendable {
        public var name: String
        public var result: LoadResult
        public var criteria: [Criterion]
        /// The position of the scenario file whose `load:` section ran, among the run's scenarios; nil for a
        /// load of no file (`csar-check load`).
        public var scenario: Int?

        public init(name: String, result: LoadResult, criteria: [Criterion] = [], scenario: Int? = nil) {
            self.name = name
            self.result = result
            self.criteria = criteria
            self.scenario = scenario
        }
    }

    public var command: String
    public var target: String
    public var startedAt: Date
    /// Criteria over everything the run sent (the runbook's defaults for a gate), but the files of a suite
    /// that has criteria of its own.
    public var runCriteria: [Criterion]
    /// The suites named on the command line: those with criteria judge their own files.
    public var suites: [SuiteScope]
    /// `--require-side-effects`: a side-effect check not run is a failure, not a warning.
    public var requireSideEffects = false

    public init(
        command: String, target: String, startedAt: Date, runCriteria: [Criterion], suites: [SuiteScope] = []
    ) {
        self.command = command
        self.target = target
        self.startedAt = startedAt
        self.runCriteria = runCriteria
        self.suites = suites
    }

    /// The run judged: every criterion evaluated, the verdict decided, the report built.
    public func judge(
        scenarios: [Scenario], results: [ScenarioResult], loads: [LoadRun] = [], notes: [String] = [],
        interrupted: Bool = false
    ) -> JudgedRun {
        // A run that could not start (a refused bypass secret, a missing variable everywhere) measured nothing:
        // its criteria would only say so again.
        let nothingSent =
            loads.isEmpty && !results.isEmpty && results.allSatisfy { $0.setupError != nil && $0.steps.isEmpty }
        let criteria = nothingSent ? [] : evaluateCriteria(scenarios: scenarios, results: results, loads: loads)
        let interrupted = interrupted || loads.contains { $0.result.stopReason == .interrupted }
        let (verdict, facts) = verdict(results: results, loads: loads, criteria: criteria, interrupted: interrupted)
        let report = RunReport(
            command: command, target: target, startedAt: startedAt, finishedAt: Date(), interrupted: interrupted,
            verdict: verdict, criteria: criteria.map(CriterionReport.init),
            scenarios: results.map(ScenarioReport.init),
            loads: loads.map { LoadReport(name: $0.name, result: $0.result) },
            notes: Self.once(notes + results.flatMap(\.notes))
        )
        return JudgedRun(report: report, facts: facts)
    }

    /// The report of `judge`.
    public func report(
        scenarios: [Scenario], results: [ScenarioResult], loads: [LoadRun] = [], notes: [String] = [],
        interrupted: Bool = false
    ) -> RunReport {
        judge(scenarios: scenarios, results: results, loads: loads, notes: notes, interrupted: interrupted).report
    }

    /// Each note once, in the order first given: scenarios that met the same condition (maintenance mode with
    /// the same counts) give the same note, which the run lists once.
    static func once(_ notes: [String]) -> [String] {
        var seen = Set<String>()
        return notes.filter { seen.insert($0).inserted }
    }

    /// Every criterion on its scope: the run-wide criteria over the requests of every file that no suite with
    /// criteria of its own brought, each such suite's over its files, then each file's, step's and load's own.
    /// A load that nothing would judge (no criteria of its own, none for the run or its suite) is judged by the
    /// runbook's defaults, and its scope says so: a load never passes because nobody asked a question.
    func evaluateCriteria(scenarios: [Scenario], results: [ScenarioResult], loads: [LoadRun]) -> [CriterionResult] {
        var wide = ScopedMeasurements(suites: suites, scenarioCount: scenarios.count)
        var evaluated: [CriterionResult] = []
        // A load-only file's criteria judge its load (see `SuiteRun`), not its absent steps.
        for (index, (scenario, result)) in zip(scenarios, results).enumerated()
        where !(scenario.steps.isEmpty && scenario.load != nil) {
            let measured = Measurements(steps: result.steps)
            wide.add(measured, of: index)
            evaluated += CriteriaEvaluation.evaluate(
                scenario.criteria, on: measured, scope: "scenario: \(scenario.name)")
            for (step, stepResult) in zip(scenario.steps, result.steps) where !step.criteria.isEmpty {
                evaluated += CriteriaEvaluation.evaluate(
                    step.criteria, on: Measurements(steps: [stepResult]), scope: "step: \(step.name)")
            }
        }
        for load in loads {
            let measured = Measurements(load: load.result)
            wide.add(measured, of: load.scenario)
            if load.criteria.isEmpty, !wide.judges(scenario: load.scenario, runCriteria: runCriteria) {
                evaluated += CriteriaEvaluation.evaluate(
                    RunbookCriteria.all, on: measured, scope: "load: \(load.name) (no criteria given: the runbook's)")
            } else {
                evaluated += CriteriaEvaluation.evaluate(load.criteria, on: measured, scope: "load: \(load.name)")
            }
        }
        return wide.evaluate(runCriteria: runCriteria) + evaluated
    }

    func verdict(
        results: [ScenarioResult], loads: [LoadRun], criteria: [CriterionResult], interrupted: Bool
    ) -> (VerdictReport, RunVerdict.Facts) {
        let redSteps = results.flatMap { result in result.failedSteps.map { (result.name, $0) } }
        let skipped = results.reduce(0) { $0 + $1.steps.filter { $0.outcome == .skipped }.count }
        let failedCriteria = criteria.filter { !$0.passed && $0.criterion.severity == .error }
        let warnings =
            criteria.filter { !$0.passed && $0.criterion.severity == .warning }
            .map { "warning \($0.criterion.source) [\($0.scope)]: \($0.measuredText)" }
            + loads.flatMap { $0.result.warnings }
            + (requireSideEffects ? [] : SideEffectsNotRun.lines(results))
        var failures: [String] = []
        if requireSideEffects { failures += SideEffectsNotRun.lines(results) }
        for setupError in results.compactMap(\.setupError) where !failures.contains("configuration: \(setupError)") {
            failures.append("configuration: \(setupError)")
        }
        failures += redSteps.map { scenario, step in
            "\(scenario) › \(step.name): \(StepFailureText.summary(of: step))"
                + (step.hint.map { " — hint: \($0)" } ?? "")
        }
        failures += failedCriteria.map { "criterion \($0.criterion.source) [\($0.scope)]: \($0.measuredText)" }
        if interrupted { failures.append("the run was interrupted: results are partial") }

        let facts = facts(results: results, loads: loads, failed: !failures.isEmpty, interrupted: interrupted)
        let exit = RunVerdict.decide(facts)
        let steps = results.reduce(0) { $0 + $1.steps.count }
        let headline: String
        if exit == .passed {
            let notRun = SideEffectsNotRun.lines(results).count
            headline =
                "PASSED — \(results.count) scenario(s), \(steps) steps, \(loads.count) load run(s), \(criteria.count) criteria"
                + (notRun > 0 ? ", \(notRun) side-effect check(s) not run" : "")
        } else {
            var parts: [String] = []
            if !redSteps.isEmpty { parts.append("\(redSteps.count) step(s) failed") }
            if skipped > 0 { parts.append("\(skipped) skipped") }
            if !failedCriteria.isEmpty { parts.append("\(failedCriteria.count) criterion(s) not met") }
            if exit == .unreachable { parts.insert("target unreachable", at: 0) }
            if exit == .configurationError { parts.insert("configuration error", at: 0) }
            if exit == .interrupted { parts.insert("results are partial", at: 0) }
            headline = (exit == .interrupted ? "INTERRUPTED — " : "FAILED — ") + parts.joined(separator: ", ")
        }
        let verdict = VerdictReport(
            passed: exit == .passed, exitCode: exit.rawValue, headline: headline, failures: failures, warnings: warnings
        )
        return (verdict, facts)
    }

    /// What the run found out, for the one exit-code decision (`RunVerdict.decide`).
    func facts(results: [ScenarioResult], loads: [LoadRun], failed: Bool, interrupted: Bool) -> RunVerdict.Facts {
        RunVerdict.Facts(
            configurationError: results.contains { $0.setupError != nil },
            interrupted: interrupted,
            unreachable: RunVerdict.isUnreachable(steps: results.flatMap(\.steps), loads: loads.map(\.result)),
            failed: failed
        )
    }
}

/// One line on why a step failed, for verdict lists.
enum StepFailureText {
    static func summary(of step: StepResult) -> String {
        switch step.outcome {
        case .passed: return "passed"
        case .skipped: return step.problem ?? "skipped"
        case .error:
            return step.transportError.map { "failed during \($0.phase.rawValue): \($0.message)" } ?? "transfer failed"
        case .failed:
            let checks = step.failedAssertions.map { "\($0.title) (got \($0.failure?.actual ?? "?"))" }
            return (checks + step.captureFailures).joined(separator: "; ")
        }
    }
}
