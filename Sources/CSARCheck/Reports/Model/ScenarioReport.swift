import Foundation

/// One scenario file's run.
public struct ScenarioReport: Codable, Sendable {
    public var name: String
    public var file: String
    public var baseURL: String
    public var startedAt: Date
    public var duration: Double
    public var passed: Bool
    public var setupError: String?
    public var notes: [String]
    public var steps: [StepReport]

    public init(_ result: ScenarioResult) {
        name = result.name
        file = result.file
        baseURL = result.baseURL
        startedAt = result.startedAt
        duration = result.duration
        passed = result.passed
        setupError = result.setupError
        notes = result.notes
        steps = result.steps.map(StepReport.init)
    }
}

/// One step: what was sent and received (masked, bodies cut to excerpts), timings, checks, captures.
public struct StepReport: Codable, Sendable {
    public var name: String
    public var location: String
    /// `http`, or the side effect the step waits for: `mail`, `sms`, `event`.
    public var kind: StepKind
    /// `passed`, `failed`, `error` (no response) or `skipped`.
    public var outcome: String
    public var attempts: Int
    public var request: RequestReport?
    public var response: ResponseReport?
    /// libcurl's phase timings of the final attempt, in seconds from its start.
    public var timings: HTTPTimings?
    public var error: TransportErrorReport?
    /// Why the step was skipped.
    public var problem: String?
    /// The step's `hint:`: what to check first when it fails.
    public var hint: String?
    public var assertions: [AssertionReport]
    /// The step's `warn:` checks: a failed one is a warning, never a failure.
    public var warnings: [AssertionReport]
    /// What the step found, in one line: a `certificate:` step's subject, issuer and days to expiry.
    public var summary: String?
    /// The server certificate a `certificate:` step read.
    public var certificate: CertificateReport?
    public var captures: [CaptureReport]
    public var captureFailures: [String]

    public init(_ step: StepResult) {
        name = step.name
        location = step.location.description
        kind = step.kind
        outcome = step.outcome.rawValue
        attempts = step.attempts
        request = step.request.map(RequestReport.init)
        response = step.response.map(ResponseReport.init)
        timings = step.response?.timings
        error = step.transportError.map(TransportErrorReport.init)
        problem = step.problem
        hint = step.hint
        assertions = step.assertions.map(AssertionReport.init)
        warnings = step.warnings.map(AssertionReport.init)
        summary = step.summary
        certificate = step.certificate.map(CertificateReport.init)
        captures = step.captures.map { CaptureReport(name: $0.name, value: $0.displayValue, secret: $0.secret) }
        captureFailures = step.captureFailures
    }
}

public struct HeaderReport: Codable, Sendable {
    public var name: String
    public var value: String
}

public struct RequestReport: Codable, Sendable {
    public var method: String
    public var url: String
    public var headers: [HeaderReport]
    public var body: String?

    init(_ record: RequestRecord) {
        method = record.method
        url = record.url
        headers = record.headers.map { HeaderReport(name: $0.name, value: $0.value) }
        body = record.bodyExcerpt
    }
}

public struct ResponseReport: Codable, Sendable {
    public var status: Int
    public var httpVersion: String
    public var headers: [HeaderReport]
    public var bodyExcerpt: String
    public var bodySize: Int
    public var effectiveURL: String

    /// `HTTP/1.1 200`, or for a side effect `mail received after 1.2 s`.
    static func firstLine(_ response: ResponseReport, kind: StepKind, timings: HTTPTimings?) -> String {
        guard kind != .http else { return "HTTP/\(response.httpVersion) \(response.status)" }
        return "\(kind.deliveryLabel) received" + (timings.map { " after \(DurationText.format($0.total))" } ?? "")
    }

    init(_ record: ResponseRecord) {
        status = record.status
        httpVersion = record.httpVersion
        headers = record.headers.map { HeaderReport(name: $0.name, value: $0.value) }
        bodyExcerpt = record.bodyExcerpt
        bodySize = record.bodySize
        effectiveURL = record.effectiveURL
    }
}

public struct TransportErrorReport: Codable, Sendable {
    public var url: String
    public var phase: String
    public var message: String
    /// What to do about it, when there is more to say than the message (see `TransportError.hint`).
    public var hint: String?

    init(_ error: TransportError) {
        url = error.url
        phase = error.phase.rawValue
        message = error.message
        hint = error.hint
    }
}

public struct AssertionReport: Codable, Sendable {
    public var title: String
    public var key: String
    public var location: String
    public var passed: Bool
    public var expected: String?
    public var actual: String?

    init(_ result: AssertionResult) {
        title = result.title
        key = result.key
        location = result.location.description
        passed = result.passed
        expected = result.failure?.expected
        actual = result.failure?.actual
    }
}

public struct CaptureReport: Codable, Sendable {
    public var name: String
    /// Masked when secret.
    public var value: String
    public var secret: Bool
}

/// A server certificate as reports show it: who it is for, who signed it, when it ends and in how many days.
public struct CertificateReport: Codable, Sendable {
    public var origin: String
    public var subject: String
    public var issuer: String
    public var alternativeNames: [String]
    public var notBefore: Date
    public var notAfter: Date
    /// Whole days from the run to the end of validity, negative once expired.
    public var daysLeft: Int
    public var tlsProtocol: String
    public var verified: Bool
    public var verificationProblem: String?

    init(_ certificate: ServerCertificate) {
        origin = certificate.origin
        subject = certificate.subject
        issuer = certificate.issuer
        alternativeNames = certificate.alternativeNames
        notBefore = certificate.notBefore
        notAfter = certificate.notAfter
        daysLeft = certificate.daysLeft
        tlsProtocol = certificate.tlsProtocol
        verified = certificate.verified
        verificationProblem = certificate.verificationProblem
    }
}
