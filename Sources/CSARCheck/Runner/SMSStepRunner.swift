import Foundation

/// Runs an `sms:` step: reads the SMS double's inbox, again and again with a growing pause, until a message
/// that matches arrives or the step's `within` runs out. The message found then stands for the step's
/// response; when none comes, the requests the double refused (a wrong key, a body of the wrong shape) say why.
struct SMSStepRunner {
    let variables: VariableStore
    let transcript: Transcript
    let transfer: TransferOptions
    let stop: StopSignal
    /// Messages received before this are not this run's.
    let since: Date

    /// What the step waits for, rendered.
    struct Wanted {
        var inbox: String
        var to: String?
        var sender: String?
        var contains: [String]
        var within: Double

        func matches(_ message: SMSInbox.Message) -> Bool {
            if let to, !message.isAddressed(to: to) { return false }
            if let sender, message.senderName != sender, message.senderAddress != sender { return false }
            return contains.allSatisfy(message.text.contains)
        }

        /// `an SMS to +221771234567 from CSAR containing 'CSAR-2026-000123'`.
        var description: String {
            var parts = ["an SMS"]
            if let to { parts.append("to \(to)") }
            if let sender { parts.append("from \(sender)") }
            return parts.joined(separator: " ") + SideEffectRendering.containing(contains)
        }
    }

    struct Delivery {
        var message: SMSInbox.Message
        var latency: Double
    }

    enum Failure: Error {
        case inbox(SMSInboxError)
        /// Nothing matched in time: the run's other messages, and the requests the double refused.
        case notArrived(received: Int, refusals: [SMSInbox.Refusal])
        case stopped
    }

    func wanted(_ spec: SMSWait) throws(WaitTimeError) -> Wanted {
        let rendering = SideEffectRendering(variables: variables)
        return Wanted(
            inbox: try rendering.text(spec.inbox), to: try rendering.optional(spec.to),
            sender: try rendering.optional(spec.sender), contains: try rendering.texts(spec.contains),
            within: try rendering.seconds(spec.within))
    }

    func wait(for wanted: Wanted, triggeredAt: Date) -> Result<Delivery, Failure> {
        let inbox = SMSInbox(url: wanted.inbox, transfer: transfer, stop: stop)
        var last: (messages: [SMSInbox.Message], refusals: [SMSInbox.Refusal]) = ([], [])
        do throws(SMSInboxError) {
            switch try Polling.poll(
                within: wanted.within, stop: stop,
                read: { () throws(SMSInboxError) -> SMSInbox.Message? in
                    last = try inbox.read(since: since)
                    return last.messages.first(where: wanted.matches)
                })
            {
            case .found(let message, let foundAt):
                let latency = Polling.latency(arrivedAt: message.receivedAt, foundAt: foundAt, since: triggeredAt)
                return .success(Delivery(message: message, latency: latency))
            case .timedOut:
                return .failure(.notArrived(received: last.messages.count, refusals: last.refusals))
            case .stopped:
                return .failure(.stopped)
            }
        } catch {
            return .failure(.inbox(error))
        }
    }

    /// `none arrived within 30 s; the SMS double refused 2 requests: 401 POST /oauth/v3/token (wrong client
    /// secret)…`.
    static func notArrivedText(within: Double, received: Int, refusals: [SMSInbox.Refusal]) -> String {
        var text = "none arrived within \(DurationText.limit(within))"
        text +=
            received == 0
            ? " (no SMS at all since the run started)"
            : " (\(received) other SMS since the run started)"
        if !refusals.isEmpty {
            let shown = refusals.prefix(3).map { "\($0.status) \($0.method) \($0.path) (\($0.reason))" }
            text +=
                "; the SMS double refused \(refusals.count) request\(refusals.count == 1 ? "" : "s"): "
                + shown.joined(separator: ", ") + (refusals.count > 3 ? ", …" : "")
        }
        return text
    }
}
