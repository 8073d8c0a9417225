import Foundation

/// The outcome of one assertion.
public struct AssertionResult: Sendable {
    public var key: String
    public var location: SourceLocation
    /// What was checked, e.g. `status 200` or `jsonpath $.data count > 0`.
    public var title: String
    /// Nil when the assertion held.
    public var failure: CheckFailure?
    /// The line of the file at `location`, shown with a caret under the spot when the check fails.
    public var sourceLine: String?

    public var passed: Bool { failure == nil }
}

/// Why a check failed: what was expected and what came, both as they may be shown.
public struct CheckFailure: Sendable, Equatable {
    public var expected: String
    public var actual: String
}

/// What was sent, as it may be shown: secrets already masked.
public struct RequestRecord: Sendable {
    public var method: String
    public var url: String
    public var headers: [HTTPHeader]
    /// A short, masked excerpt of the body.
    public var bodyExcerpt: String?
}

/// What came back, as it may be shown: secrets already masked, the body cut to an excerpt.
public struct ResponseRecord: Sendable {
    public var status: Int
    public var httpVersion: String
    public var headers: [HTTPHeader]
    public var bodyExcerpt: String
    public var bodySize: Int
    public var timings: HTTPTimings
    public var effectiveURL: String
}

/// A value a step captured; secret ones are shown masked.
public struct CapturedValue: Sendable {
    public var name: String
    public var displayValue: String
    public var secret: Bool
}

/// The outcome of one step.
public struct StepResult: Sendable {
    public enum Outcome: String, Sendable {
        case passed, failed
        /// No response: the transfer itself failed.
        case error
        /// Not sent: left out by `--skip` or `when:`, or because what it needs did not come (a value an earlier
        /// step did not capture, a page the previous step did not receive). Not a failure by itself: whatever
        /// stopped it failed where it happened.
        case skipped
    }

    public var name: String
    public var location: SourceLocation
    /// An HTTP request, or a wait for a side effect (whose `response` is what arrived: the mail, the SMS).
    public var kind: StepKind = .http
    public var outcome: Outcome
    public var request: RequestRecord?
    public var response: ResponseRecord?
    public var transportError: TransportError?
    /// Why the step was skipped or could not be prepared.
    public var problem: String?
    /// The step's `hint:`, rendered: what to check first when it fails.
    public var hint: String?
    public var assertions: [AssertionResult]
    /// The step's `warn:` checks: reported, never a failure.
    public var warnings: [AssertionResult] = []
    /// What the step found, in one line, shown whatever its outcome: a `certificate:` step's subject, issuer
    /// and days to expiry.
    public var summary: String?
    /// The server certificate a `certificate:` step read.
    public var certificate: ServerCertificate?
    /// What the step's checks must be read with, passed or not: a body they read was cut at the cap.
    public var notes: [String] = []
    public var captures: [CapturedValue]
    /// Capture failures are failures of the step: later steps depend on them.
    public var captureFailures: [String]
    public var attempts: Int
    public var startedAt: Date
    /// The response's status is not what the step expects (its `status:`, else 2xx or 3xx): a request in
    /// error for the error-rate criterion, even when the step's other checks are what failed it.
    public var unexpectedStatus = false

    public var failedAssertions: [AssertionResult] { assertions.filter { !$0.passed } }
    /// The `warn:` checks that did not hold.
    public var failedWarnings: [AssertionResult] { warnings.filter { !$0.passed } }
    /// Seconds the final attempt took, 0 when nothing was received; for a side effect, its delivery latency.
    public var duration: Double { response?.timings.total ?? 0 }
    /// A request that was sent (a response or a transport error), as the request metrics count.
    public var isSentRequest: Bool { kind == .http && (response != nil || transportError != nil) }
}

/// The outcome of one scenario file.
public struct ScenarioResult: Sendable {
    public var name: String
    public var file: String
    public var baseURL: String
    public var steps: [StepResult]
    public var startedAt: Date
    public var duration: Double
    /// Set when the scenario could not start (a missing environment variable); no request was sent.
    public var setupError: String?
    /// Plain-words explanations of what went wrong as a whole (the site is in maintenance mode).
    public var notes: [String] = []
    /// The result of the file's `load:` section, run after its steps passed.
    public var load: LoadResult?

    public var passed: Bool { setupError == nil && failedSteps.isEmpty }
    /// Steps that failed or got no response; skipped ones are not among them.
    public var failedSteps: [StepResult] { steps.filter { $0.outcome == .failed || $0.outcome == .error } }
}
