/// The exit status a run ends with, as CI pipelines read it.
public enum RunVerdict: Int32, Sendable {
    /// Every check passed.
    case passed = 0
    /// A check or criterion failed.
    case failed = 1
    /// Bad command line, scenario file or configuration.
    case configurationError = 2
    /// Nothing answered at the target address.
    case unreachable = 3

    /// Unreachable when no step got any response and every failure says nothing answered.
    public init(results: [ScenarioResult]) {
        let steps = results.flatMap(\.steps)
        if results.contains(where: { $0.setupError != nil }) {
            self = .configurationError
        } else if !steps.isEmpty, steps.allSatisfy({ $0.response == nil }),
                  steps.contains(where: { $0.transportError?.isUnreachable == true }),
                  steps.allSatisfy({ $0.transportError?.isUnreachable ?? ($0.outcome == .skipped) }) {
            self = .unreachable
        } else if results.allSatisfy(\.passed) {
            self = .passed
        } else {
            self = .failed
        }
    }
}
