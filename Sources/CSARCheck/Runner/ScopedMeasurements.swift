/// What the run-wide and suite criteria are measured over: each suite with criteria of its own gathers the
/// requests of the files it brought, the run gathers all the others.
struct ScopedMeasurements {
    /// The suites that judge their own files.
    let suites: [SuiteScope]
    private var outside = Measurements()
    private var bySuite: [Measurements]
    /// Whether anything was added outside the suites' files (a load of no file counts).
    private var judgesOutside: Bool

    init(suites: [SuiteScope], scenarioCount: Int) {
        self.suites = suites.filter { !$0.criteria.isEmpty }
        bySuite = Array(repeating: Measurements(), count: self.suites.count)
        let covered = Set(self.suites.flatMap(\.files))
        judgesOutside = self.suites.isEmpty || (0..<scenarioCount).contains { !covered.contains($0) }
    }

    /// Adds the requests of the scenario file at position `scenario`, or of a load of no file (nil).
    mutating func add(_ measured: Measurements, of scenario: Int?) {
        if let scenario, let suite = suites.firstIndex(where: { $0.files.contains(scenario) }) {
            bySuite[suite].merge(measured)
        } else {
            outside.merge(measured)
            judgesOutside = true
        }
    }

    /// Whether run-wide or suite criteria judge the requests of the file at position `scenario` (nil: a load of
    /// no file).
    func judges(scenario: Int?, runCriteria: [Criterion]) -> Bool {
        if let scenario, suites.contains(where: { $0.files.contains(scenario) }) { return true }
        return !runCriteria.isEmpty
    }

    /// The run-wide criteria over everything outside the suites' files (`run`, or `run except suite: NAME`),
    /// then each suite's over its files. The run-wide ones are left out when the suites brought every file:
    /// they would judge nothing, and a criterion with nothing measured fails.
    func evaluate(runCriteria: [Criterion]) -> [CriterionResult] {
        var evaluated: [CriterionResult] = []
        if judgesOutside {
            let names = suites.map(\.name).joined(separator: ", ")
            let scope = suites.isEmpty ? "run" : "run except suite\(suites.count > 1 ? "s" : ""): \(names)"
            evaluated += CriteriaEvaluation.evaluate(runCriteria, on: outside, scope: scope)
        }
        for (suite, measured) in zip(suites, bySuite) {
            evaluated += CriteriaEvaluation.evaluate(suite.criteria, on: measured, scope: suite.scope)
        }
        return evaluated
    }
}
