/// The exit status a run ends with, as CI pipelines read it.
public enum RunVerdict: Int32, Sendable {
    /// Every check passed.
    case passed = 0
    /// A check or criterion failed.
    case failed = 1
    /// Bad command line, scenario file or configuration (nothing was sent), or reports that could not
    /// be written.
    case configurationError = 2
    /// Nothing answered at the target address.
    case unreachable = 3
    /// SIGINT, SIGTERM or SIGHUP stopped the run: what ran was reported, the results are partial.
    /// 128 + SIGINT, as shells report a command stopped by Ctrl-C.
    case interrupted = 130

    /// What a run found out, from which `decide` takes the exit status.
    public struct Facts: Sendable, Equatable {
        /// A scenario could not start (a missing variable), or the setup was wrong.
        public var configurationError = false
        /// A signal (or the caller) stopped the run before its end.
        public var interrupted = false
        /// No request got any response, and every failure says the target could not be reached.
        public var unreachable = false
        /// A check or criterion failed.
        public var failed = false
        /// A report file, or the history record, could not be written.
        public var reportsNotWritten = false

        public init(
            configurationError: Bool = false, interrupted: Bool = false, unreachable: Bool = false,
            failed: Bool = false, reportsNotWritten: Bool = false
        ) {
            self.configurationError = configurationError
            self.interrupted = interrupted
            self.unreachable = unreachable
            self.failed = failed
            self.reportsNotWritten = reportsNotWritten
        }
    }

    /// The one exit-code decision of every command that sends requests. In order: a configuration error
    /// must be fixed whatever else happened (2); a partial run has no verdict (130); nothing answered (3);
    /// a check failed (1); a run that passed but whose reports are missing is no pass for CI (2).
    public static func decide(_ facts: Facts) -> RunVerdict {
        if facts.configurationError { return .configurationError }
        if facts.interrupted { return .interrupted }
        if facts.unreachable { return .unreachable }
        if facts.failed { return .failed }
        if facts.reportsNotWritten { return .configurationError }
        return .passed
    }

    /// Unreachable when nothing anywhere got a response — no step, no load request — and every transport
    /// error, of steps and loads alike, says nothing answered (DNS, connect, TLS). Steps skipped for a
    /// value an unreachable step did not capture do not count against it.
    public static func isUnreachable(steps: [StepResult], loads: [LoadResult]) -> Bool {
        if steps.contains(where: { ($0.kind == .http || $0.kind == .tls) && $0.response != nil })
            || loads.contains(where: { $0.responses > 0 })
        {
            return false
        }
        // A step whose request never left (a `certificate:` step on an http:// URL) says nothing either way.
        let tried = steps.filter { !($0.transportError?.sentNothing ?? false) }
        let stepErrors = tried.compactMap(\.transportError)
        let loadErrors = loads.flatMap(\.transportErrors)
        guard !stepErrors.isEmpty || !loadErrors.isEmpty else { return false }
        return stepErrors.allSatisfy(\.isUnreachable)
            && loadErrors.allSatisfy { LoadResult.unreachablePhases.contains($0.phase) }
            && tried.allSatisfy { $0.transportError != nil || $0.outcome == .skipped }
    }
}
