import Foundation

/// Runs a `mail:` step: reads the mailbox, again and again with a growing pause, until a message that matches
/// the step arrives or its `within` runs out. The message found then stands for the step's response.
struct MailStepRunner {
    let variables: VariableStore
    let transcript: Transcript
    let transfer: TransferOptions
    let stop: StopSignal
    /// Messages the mailbox received before this are never taken: the run's start, less a margin for a
    /// mail server's clock behind ours.
    let since: Date

    /// Seconds a mail server's clock may be behind ours.
    static let clockMargin: Double = 120
    /// Messages read per poll, newest first.
    static let pollLimit = 50

    /// What the step waits for, rendered.
    struct Wanted {
        var settings: MailboxSettings
        var to: String?
        var from: String?
        var subject: String?
        var contains: [String]
        var within: Double

        func matches(_ message: MailMessage) -> Bool {
            if let to, !(message.to + message.cc).contains(to.lowercased()) { return false }
            if let from, !message.from.contains(from.lowercased()) { return false }
            if let subject, !message.subject.localizedCaseInsensitiveContains(subject) { return false }
            return contains.allSatisfy { text in
                message.subject.contains(text) || message.text.contains(text) || message.html?.contains(text) == true
            }
        }

        /// `a message to qa@csar.sn, subject containing 'Votre demande', containing 'CSAR-2026-000123'`.
        var description: String {
            var parts = ["a message"]
            if let to { parts.append("to \(to)") }
            if let from { parts.append("from \(from)") }
            if let subject { parts.append("with '\(subject)' in its subject") }
            return parts.joined(separator: " ") + SideEffectRendering.containing(contains)
        }
    }

    /// The message found, and how long after the step that triggered it (`triggeredAt`) it arrived.
    struct Delivery {
        var mail: ReceivedMail
        var latency: Double
    }

    enum Failure: Error {
        case mailbox(MailboxError)
        /// Nothing matched in time; `received` counts the messages of the run that did not match, `closest`
        /// is the subject of the newest of them.
        case notArrived(received: Int, closest: String?)
        case stopped
    }

    /// Renders the step's templates; a password is masked from here on.
    func wanted(_ spec: MailWait) throws(WaitTimeError) -> Wanted {
        let rendering = SideEffectRendering(variables: variables)
        let password = try rendering.optional(spec.password)
        if let password { transcript.masker.add(password) }
        return Wanted(
            settings: MailboxSettings(
                url: try rendering.text(spec.mailbox), user: try rendering.optional(spec.user), password: password,
                caCertificatePath: try rendering.optional(spec.caCertificate)),
            to: try rendering.optional(spec.to), from: try rendering.optional(spec.from),
            subject: try rendering.optional(spec.subject), contains: try rendering.texts(spec.contains),
            within: try rendering.seconds(spec.within))
    }

    /// Polls until `wanted` arrives, then does the step's `then` with it.
    func wait(for wanted: Wanted, then: MailWait.Then, triggeredAt: Date) -> Result<Delivery, Failure> {
        let mailbox: Mailbox =
            wanted.settings.isIMAP
            ? IMAPMailbox(wanted.settings, transfer: transfer, stop: stop)
            : MailpitMailbox(wanted.settings, transfer: transfer, stop: stop)
        var unmatched: [ReceivedMail] = []
        do throws(MailboxError) {
            switch try Polling.poll(
                within: wanted.within, stop: stop,
                read: { () throws(MailboxError) -> ReceivedMail? in
                    let mails = try mailbox.messages(since: since, limit: Self.pollLimit)
                    unmatched = mails
                    return mails.first { wanted.matches($0.message) }
                })
            {
            case .found(let mail, let foundAt):
                switch then {
                case .keep: break
                case .seen: try mailbox.markSeen(mail)
                case .delete: try mailbox.delete(mail)
                }
                let latency = Polling.latency(arrivedAt: mail.latestArrival, foundAt: foundAt, since: triggeredAt)
                return .success(Delivery(mail: mail, latency: latency))
            case .timedOut:
                return .failure(.notArrived(received: unmatched.count, closest: unmatched.first?.message.subject))
            case .stopped:
                return .failure(.stopped)
            }
        } catch {
            return .failure(.mailbox(error))
        }
    }
}
