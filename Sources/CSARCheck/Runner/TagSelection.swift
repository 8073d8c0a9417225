/// Which files and steps a run takes, by their tags: `--tag T` keeps only the files tagged T (a file's
/// `tags:`), `--skip T` leaves out the files tagged T and, in the files kept, the steps tagged T (a step's
/// `tags:`). Steps depend on each other, so `--tag` chooses files, never single steps.
public struct TagSelection: Sendable, Equatable {
    /// `--tag`: when not empty, a file must carry one of these.
    public var only: [String]
    /// `--skip`: files and steps carrying one of these are left out.
    public var skip: [String]

    public init(only: [String] = [], skip: [String] = []) {
        self.only = only
        self.skip = skip
    }

    public var isEmpty: Bool { only.isEmpty && skip.isEmpty }

    /// Whether the run takes `scenario` at all.
    public func includes(_ scenario: Scenario) -> Bool {
        (only.isEmpty || scenario.tags.contains(where: only.contains)) && !scenario.tags.contains(where: skip.contains)
    }

    /// Why `step` of a file the run takes is left out, or nil when it runs.
    public func skipReason(for step: Step) -> String? {
        guard let tag = step.tags.first(where: skip.contains) else { return nil }
        return "skipped: tagged \(tag) (--skip \(tag))"
    }

    /// What is wrong with the selection for `scenarios`: a tag that no file or step carries (a typo would
    /// otherwise select nothing, or skip nothing, silently), or a selection that leaves no file.
    public func problems(in scenarios: [Scenario]) -> [String] {
        let fileTags = Set(scenarios.flatMap(\.tags))
        let stepTags = Set(scenarios.flatMap { $0.steps.flatMap(\.tags) })
        let known = fileTags.union(stepTags).sorted()
        let listed =
            known.isEmpty ? "these files carry no tag" : "the tags of these files: \(known.joined(separator: ", "))"
        var problems: [String] = []
        for tag in only where !fileTags.contains(tag) {
            let stepsOnly = stepTags.contains(tag) ? " (only steps carry it, and --tag selects files)" : ""
            problems.append(
                "--tag \(tag): no scenario file is tagged '\(tag)'\(stepsOnly)"
                    + "\(Suggestion.didYouMean(tag, among: Array(fileTags))); \(listed)")
        }
        for tag in skip where !fileTags.contains(tag) && !stepTags.contains(tag) {
            problems.append(
                "--skip \(tag): no file or step is tagged '\(tag)'\(Suggestion.didYouMean(tag, among: known)); "
                    + listed)
        }
        if problems.isEmpty, !scenarios.isEmpty, !scenarios.contains(where: includes) {
            let chosen = (only.map { "--tag \($0)" } + skip.map { "--skip \($0)" }).joined(separator: " ")
            problems.append("\(chosen) leaves no scenario file to run; \(listed)")
        }
        return problems
    }
}
