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
    /// The first pause between two reads of the mailbox, its growth and its cap, in seconds: a mail is found
    /// within about 2 s of its arrival without polling a real mailbox (Gmail) more than every 2 s.
    static let firstPause = 0.25
    static let pauseGrowth = 1.6
    static let longestPause = 2.0
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
            if !contains.isEmpty { parts.append("containing " + contains.map { "'\($0)'" }.joined(separator: " and ")) }
            return parts.joined(separator: " ")
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
    func wanted(_ spec: MailWait) throws(UndefinedVariable) -> Wanted {
        func render(_ template: Template?) throws(UndefinedVariable) -> String? {
            guard let template else { return nil }
            let value = try variables.render(template)
            return value.isEmpty ? nil : value
        }
        let password = try render(spec.password)
        if let password { transcript.masker.add(password) }
        var contains: [String] = []
        for template in spec.contains { contains.append(try variables.render(template)) }
        return Wanted(
            settings: MailboxSettings(
                url: try variables.render(spec.mailbox), user: try render(spec.user), password: password,
                caCertificatePath: try render(spec.caCertificate)),
            to: try render(spec.to), from: try render(spec.from), subject: try render(spec.subject),
            contains: contains.filter { !$0.isEmpty }, within: spec.within)
    }

    /// Polls until `wanted` arrives, then does the step's `then` with it.
    func wait(for wanted: Wanted, then: MailWait.Then, triggeredAt: Date) -> Result<Delivery, Failure> {
        let mailbox: Mailbox =
            wanted.settings.isIMAP
            ? IMAPMailbox(wanted.settings, transfer: transfer, stop: stop)
            : MailpitMailbox(wanted.settings, transfer: transfer, stop: stop)
        let deadline = Date().addingTimeInterval(wanted.within)
        var pause = Self.firstPause
        var unmatched: [ReceivedMail] = []
        while true {
            let mails: [ReceivedMail]
            do {
                mails = try mailbox.messages(since: since, limit: Self.pollLimit)
            } catch {
                return .failure(.mailbox(error))
            }
            let polledAt = Date()
            if let mail = mails.first(where: { wanted.matches($0.message) }) {
                do {
                    switch then {
                    case .keep: break
                    case .seen: try mailbox.markSeen(mail)
                    case .delete: try mailbox.delete(mail)
                    }
                } catch {
                    return .failure(.mailbox(error))
                }
                return .success(
                    Delivery(mail: mail, latency: Self.latency(of: mail, foundAt: polledAt, since: triggeredAt)))
            }
            unmatched = mails
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { break }
            guard stop.sleep(min(pause, left)) else { return .failure(.stopped) }
            pause = min(pause * Self.pauseGrowth, Self.longestPause)
        }
        return .failure(.notArrived(received: unmatched.count, closest: unmatched.first?.message.subject))
    }

    /// Seconds from the triggering step to the message's arrival: by the mailbox's clock when it says (IMAP's
    /// INTERNALDATE, to the second) and that is no later than when the poll found it, else when it was found.
    static func latency(of mail: ReceivedMail, foundAt: Date, since triggeredAt: Date) -> Double {
        let arrival = mail.receivedAt.map { min(max($0, triggeredAt), foundAt) } ?? foundAt
        return max(0, arrival.timeIntervalSince(triggeredAt))
    }
}
