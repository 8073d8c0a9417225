/// A step's `sms:`: wait, bounded, for a text message at the SMS provider double that `csar-check doubles` (or
/// `--sms-sink`) serves with Orange's API shape, read through its inbox (`GET {inbox}/csar/messages`). The
/// message found stands for the step's response: `To`, `From`, `Sender-Name` headers, its text as the body.
public struct SMSWait: Sendable {
    /// The double's address, e.g. `http://127.0.0.1:9010` (`CSAR_SMS_INBOX`).
    public var inbox: Template
    /// The requester's number: `+221771234567`, `tel:+221771234567` or `771234567` (compared by its digits).
    public var to: Template?
    /// The sender name (`SMS_SENDER_NAME`) or address (`tel:+221…`) the site sends as.
    public var sender: Template?
    /// Texts the message contains, all of them (the reference of the demande this run submitted).
    public var contains: [Template] = []
    /// Seconds to wait at most.
    public var within: WaitTime = .seconds(60)
    public var location: SourceLocation
    /// Its key path, e.g. `steps[5].sms`.
    public var key: String
}
