/// A step's `subscribe:`: connect to a Pusher-protocol WebSocket (Pusher, soketi, Reverb) and subscribe to a
/// channel, before the step that triggers the event. A `private-` or `presence-` channel is authorised as
/// Laravel Echo does, by a POST to the site's `/broadcasting/auth` with the scenario's own session.
public struct ChannelSubscription: Sendable {
    /// `ws://127.0.0.1:6001` or `wss://ws-eu.pusher.com`; nil: from the environment as Laravel reads it
    /// (`PUSHER_HOST`, `PUSHER_PORT`, `PUSHER_SCHEME`, else `PUSHER_APP_CLUSTER` on pusher.com).
    public var url: Template?
    /// The app key; nil: `PUSHER_APP_KEY`.
    public var key: Template?
    /// `private-admins`.
    public var channel: Template
    /// The site's authorisation path for private and presence channels.
    public var auth: Template = Template(literal: "/broadcasting/auth")
    /// A CA bundle for a `wss://` server's certificate.
    public var caCertificate: Template?
    /// Seconds allowed to connect and subscribe.
    public var timeout: Double = 10
    public var location: SourceLocation
    /// Its key path, e.g. `steps[1].subscribe`.
    public var keyPath: String
}

/// A step's `expect_event:`: wait, bounded, for an event on a channel an earlier `subscribe:` step joined.
/// Events that came since the subscription count. The event's data (JSON) stands for the step's response.
public struct EventWait: Sendable {
    public var channel: Template
    /// The event's name as broadcast (`demande.created`, or the class name without `broadcastAs`).
    public var event: Template
    /// Texts the event's data contains, all of them: the reference of this run's demande, so that another
    /// requester's demande (production has others) is not taken for it.
    public var contains: [Template] = []
    /// Seconds to wait at most.
    public var within: WaitTime = .seconds(30)
    public var location: SourceLocation
    /// Its key path, e.g. `steps[4].expect_event`.
    public var key: String
}
