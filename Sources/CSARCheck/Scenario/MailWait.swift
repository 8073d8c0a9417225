/// A step's `mail:`: wait, bounded, for a message in a real mailbox — IMAP(S) or a Mailpit-style API — that
/// matches, and received after the run started; it then stands for the step's response, for `capture:` and
/// `expect:` (its headers, and its text as the body).
public struct MailWait: Sendable {
    /// What happens to the message found.
    public enum Then: String, Sendable, CaseIterable {
        /// Left as it was (unread when it was).
        case keep
        /// Marked read.
        case seen
        /// Deleted, so the mailbox does not fill up with test mail.
        case delete
    }

    /// `imaps://imap.gmail.com/INBOX`, `imap://…`, or `http(s)://…` for a Mailpit-style API.
    public var mailbox: Template
    public var user: Template?
    /// Masked everywhere, whether or not its variable is marked secret.
    public var password: Template?
    /// A CA bundle for the mailbox's certificate (a staging server's own CA).
    public var caCertificate: Template?
    /// An address among the message's `To`/`Cc`, or its `From`.
    public var to: Template?
    public var from: Template?
    /// Text the subject contains.
    public var subject: Template?
    /// Texts the subject or the body contain, all of them (the reference of the demande this run submitted).
    public var contains: [Template] = []
    /// Seconds to wait at most.
    public var within: WaitTime = .seconds(60)
    public var then: Then = .keep
    public var location: SourceLocation
    /// Its key path, e.g. `steps[4].mail`.
    public var key: String
}
