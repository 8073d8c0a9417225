/// A step that sends no HTTP request of its own: it waits for one of the site's side effects, subscribes to
/// the channel an event will come on, or reads a server's TLS certificate.
public enum SideEffectStep: Sendable {
    case mail(MailWait)
    case sms(SMSWait)
    case subscribe(ChannelSubscription)
    case event(EventWait)
    case certificate(CertificateCheck)

    /// The step keys, one per kind; a step has at most one of them, and then no request.
    static let keys = ["mail", "sms", "subscribe", "expect_event", "certificate"]

    public var kind: StepKind {
        switch self {
        case .mail: .mail
        case .sms: .sms
        case .subscribe: .subscribe
        case .event: .event
        case .certificate: .tls
        }
    }

    /// The step's name when it has none: `mail in imaps://…`, `SMS to +221…`, `subscribe private-admins`.
    var defaultName: String {
        switch self {
        case .mail(let wait): "mail in \(wait.mailbox.source)"
        case .sms(let wait): "SMS to \(wait.to?.source ?? "anyone")"
        case .subscribe(let subscription): "subscribe \(subscription.channel.source)"
        case .event(let wait): "event \(wait.event.source) on \(wait.channel.source)"
        case .certificate(let check): "certificate of \(check.url.source)"
        }
    }
}
