/// The runbook checks of side effects ("Emails envoyés", "SMS envoyés", "Notifications temps réel") a run could
/// not make for want of their settings: said plainly in the verdict, never shown as passed.
enum SideEffectsNotRun {
    /// The runbook's name of each check.
    static func runbookName(_ kind: StepKind) -> String {
        switch kind {
        case .mail: "e-mail (runbook: Emails envoyés)"
        case .sms: "SMS (runbook: SMS envoyés)"
        case .event: "real-time notification (runbook: Notifications temps réel)"
        case .http, .subscribe, .tls: kind.deliveryLabel
        }
    }

    /// `not run: e-mail (runbook: Emails envoyés) — Side effects › Confirmation e-mail…: environment variable
    /// CSAR_MAIL_MAILBOX is not set`, one per check.
    static func lines(_ results: [ScenarioResult]) -> [String] {
        results.flatMap { scenario in
            scenario.steps.filter { DeliveryTally.kinds.contains($0.kind) && $0.outcome == .skipped }.map { step in
                let reason = step.problem.map { $0.hasPrefix("not run: ") ? String($0.dropFirst(9)) : $0 } ?? "skipped"
                return "not run: \(runbookName(step.kind)) — \(scenario.name) › \(step.name): \(reason)"
            }
        }
    }
}
