/// What a step does: send an HTTP request, or wait for one of the site's side effects — an e-mail in a
/// mailbox, an SMS at the provider double, a real-time event on a Pusher channel (after subscribing to it). Only HTTP steps are requests
/// for the request metrics (latency, error rate, availability); side effects have metrics of their own.
public enum StepKind: String, Sendable, CaseIterable, Codable {
    case http, mail, sms, event
    /// A subscription to the channel an `event` step then waits on: neither a request nor a delivery.
    case subscribe
    /// A TLS handshake whose server certificate stands for the response: no request either.
    case tls

    /// How reports name what stands for the step's response: the status for HTTP, the kind of delivery else.
    public var deliveryLabel: String {
        switch self {
        case .http: "HTTP"
        case .mail: "mail"
        case .sms: "SMS"
        case .event: "event"
        case .subscribe: "subscribed"
        case .tls: "TLS"
        }
    }
}
