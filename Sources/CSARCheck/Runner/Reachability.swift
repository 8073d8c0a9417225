import Foundation

/// Whether a run's target has answered yet, shared by its scenarios: once the first request to a base URL
/// found nothing there (DNS, connect or TLS failed) and nothing at that base URL has answered, the run sends
/// it nothing more — each further step would only wait out the same failure (a connect timeout per step
/// against a host that drops packets) — and its steps and loads are reported as not sent, so the run ends
/// with exit 3 at once.
public final class Reachability: @unchecked Sendable {
    private let lock = NSLock()
    private var answered: Set<String> = []
    private var unreachable: [String: TransportError] = [:]
    /// Base URLs whose certificate a `certificate:` step found not to verify, with why.
    private var untrusted: [String: String] = [:]

    public init() {}

    /// Records what a step of a scenario aimed at `baseURL` got: a failure to reach another origin (a step's
    /// absolute URL elsewhere) says nothing of the base URL.
    func record(_ step: StepResult, baseURL: String) {
        if step.kind == .tls, let certificate = step.certificate {
            recordHandshake(certificate, of: step, baseURL: baseURL)
            return
        }
        guard step.kind == .http else { return }  // a mailbox or an inbox answering says nothing of the site
        lock.withLock {
            if step.response != nil {
                answered.insert(baseURL)
                unreachable[baseURL] = nil
            } else if let error = step.transportError, error.isUnreachable, !answered.contains(baseURL),
                Origin(url: error.url) == Origin(url: baseURL)
            {
                unreachable[baseURL] = unreachable[baseURL] ?? error
            }
        }
    }

    /// A `certificate:` step's handshake: the server answered. A failed step whose certificate does not verify
    /// (under `--insecure` nothing is verified, so nothing is refused) means the run sends that base URL
    /// nothing more — each request would fail its handshake the same way — and says so once, in that step.
    private func recordHandshake(_ certificate: ServerCertificate, of step: StepResult, baseURL: String) {
        lock.withLock {
            answered.insert(baseURL)
            unreachable[baseURL] = nil
            guard step.outcome == .failed, let problem = certificate.verificationProblem, !certificate.verifiedNothing,
                Origin(url: baseURL)?.description == certificate.origin
            else { return }
            untrusted[baseURL] =
                "not sent: the certificate of \(certificate.origin) does not verify (step '\(step.name)': \(problem))"
        }
    }

    /// Why nothing more is sent to `baseURL`, or nil while it may answer.
    func skipReason(for baseURL: String) -> String? {
        lock.withLock {
            untrusted[baseURL]
                ?? unreachable[baseURL].map {
                    "not sent: the target is unreachable (\($0.url) failed during \($0.phase.rawValue))"
                }
        }
    }
}
