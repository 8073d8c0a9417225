import CSARCheck
import SideEffectDoubles

/// One line for each thing the doubles saw that a person watching the log wants: an SMS accepted, a request
/// refused (and why), a Pusher publish. No secret or token is in any of them: the doubles' records hold none.
struct DoublesActivityLog {
    private let doubles: RunningDoubles
    private var messagesShown = 0
    private var rejectionsShown = 0
    private var pusherRecordsShown = 0

    /// Longest text of an SMS shown.
    static let messageExcerpt = 100

    init(_ doubles: RunningDoubles) {
        self.doubles = doubles
    }

    /// Prints what is new every 200 ms until cancelled, then what came last.
    mutating func follow() async {
        while !Task.isCancelled {
            await printNew()
            try? await Task.sleep(for: .milliseconds(200))
        }
        await printNew()
    }

    mutating func printNew() async {
        var lines: [String] = []
        if let sms = doubles.sms {
            let messages = await sms.messages()
            lines += messages.dropFirst(messagesShown).map(Self.smsLine)
            messagesShown = messages.count
            let rejections = await sms.rejections()
            lines += rejections.dropFirst(rejectionsShown).map { "sms: refused \($0)" }
            rejectionsShown = rejections.count
        }
        if let pusher = doubles.pusher {
            let records = await pusher.history()
            lines += records.dropFirst(pusherRecordsShown).compactMap(Self.pusherLine)
            pusherRecordsShown = records.count
        }
        for line in lines { print(line.terminalSafe) }
    }

    static func smsLine(_ message: OrangeSMSDouble.Message) -> String {
        let name = message.senderName.map { " (\($0))" } ?? ""
        let text =
            message.message.count > messageExcerpt
            ? String(message.message.prefix(messageExcerpt)) + "…" : message.message
        return "sms: \(message.id) to \(message.address) from \(message.senderAddress)\(name): \(text)"
    }

    /// Publishes, and refused connections and subscriptions; the rest (accepted ones) would only be noise.
    static func pusherLine(_ record: PusherServer.Record) -> String? {
        switch record {
        case .publish: "pusher: \(record)"
        case .connection(_, _, .rejected), .subscription(_, _, .rejected): "pusher: refused \(record)"
        default: nil
        }
    }
}
