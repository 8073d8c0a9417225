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

    public init() {}

    /// Records what a step of a scenario aimed at `baseURL` got.
    func record(_ step: StepResult, baseURL: String) {
        guard step.kind == .http else { return }  // a mailbox or an inbox answering says nothing of the site
        lock.withLock {
            if step.response != nil {
                answered.insert(baseURL)
                unreachable[baseURL] = nil
            } else if let error = step.transportError, error.isUnreachable, !answered.contains(baseURL) {
                unreachable[baseURL] = unreachable[baseURL] ?? error
            }
        }
    }

    /// Why nothing more is sent to `baseURL`, or nil while it may answer.
    func skipReason(for baseURL: String) -> String? {
        lock.withLock {
            unreachable[baseURL].map {
                "not sent: the target is unreachable (\($0.url) failed during \($0.phase.rawValue))"
            }
        }
    }
}
