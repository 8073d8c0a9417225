/// A suite file named on the command line, as a run sees it: its name, its own `criteria:` and `warnings:`,
/// and which of the run's scenario files it brought. Its criteria judge the requests of those files (scope
/// `suite: NAME` in every report) in place of the run-wide criteria, which judge the rest of the run.
public struct SuiteScope: Sendable {
    public var name: String
    /// The suite's `criteria:` and `warnings:`; empty when it declares none.
    public var criteria: [Criterion]
    /// Positions of the files the suite lists among the run's scenario files.
    public var files: Range<Int>

    public init(name: String, criteria: [Criterion], files: Range<Int>) {
        self.name = name
        self.criteria = criteria
        self.files = files
    }

    /// How reports name what the suite's criteria were measured over.
    public var scope: String { "suite: \(name)" }
}
