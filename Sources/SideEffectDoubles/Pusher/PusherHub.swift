/// The sockets connected to a ``PusherServer``, their channels and the server's history. An actor: the
/// WebSocket handlers and the HTTP events API reach it from their own tasks.
actor PusherHub {
    private struct Socket {
        let send: AsyncStream<String>.Continuation
        var channels: [String: Member?] = [:]
    }

    /// A presence channel's member, as its `channel_data` gave it.
    struct Member: Sendable {
        var userID: String
        /// `user_info` as JSON text, as it came.
        var userInfo: String?

        /// `user_info` as an object for a message, `{}` when there was none.
        var info: Any { userInfo.flatMap { PusherWire.jsonValue($0) } ?? [String: Any]() }
    }

    private var sockets: [String: Socket] = [:]
    private var records: [PusherServer.Record] = []

    func record(_ record: PusherServer.Record) {
        records.append(record)
    }

    func history() -> [PusherServer.Record] { records }

    func connect(socketID: String, send: AsyncStream<String>.Continuation) {
        sockets[socketID] = Socket(send: send)
    }

    func disconnect(socketID: String) {
        guard let socket = sockets.removeValue(forKey: socketID) else { return }
        for (channel, member) in socket.channels {
            if let member { announceRemoval(of: member, from: channel) }
        }
    }

    func send(_ text: String, to socketID: String) {
        sockets[socketID]?.send.yield(text)
    }

    /// Adds the channel to the socket's, and answers `pusher_internal:subscription_succeeded` (with the
    /// members of a presence channel, and `member_added` to the others).
    func subscribe(socketID: String, channel: String, member: Member?) {
        guard sockets[socketID] != nil else { return }
        let isNewMember = member.map { !members(of: channel).keys.contains($0.userID) } ?? false
        sockets[socketID]?.channels[channel] = .some(member)
        var data = "{}"
        if member != nil {
            let present = members(of: channel)
            let hash = present.mapValues(\.info)
            data = PusherWire.text([
                "presence": ["ids": present.keys.sorted(), "hash": hash, "count": present.count] as [String: Any]
            ])
        }
        send(
            PusherWire.message(event: "pusher_internal:subscription_succeeded", channel: channel, data: data),
            to: socketID)
        if let member, isNewMember {
            broadcast(
                PusherWire.message(
                    event: "pusher_internal:member_added", channel: channel,
                    data: PusherWire.text(["user_id": member.userID, "user_info": member.info])),
                on: channel, except: socketID)
        }
        records.append(.subscription(socketID: socketID, channel: channel, outcome: .accepted))
    }

    func unsubscribe(socketID: String, channel: String) {
        guard let removed = sockets[socketID]?.channels.removeValue(forKey: channel) else { return }
        records.append(.unsubscription(socketID: socketID, channel: channel))
        if let member = removed { announceRemoval(of: member, from: channel) }
    }

    /// Sends the event to each socket subscribed to each of its channels, but the excluded one, and
    /// returns how many messages went out.
    func deliver(_ event: PusherServer.Event) -> Int {
        var deliveries = 0
        for channel in event.channels {
            let text = PusherWire.message(event: event.name, channel: channel, data: event.data)
            deliveries += broadcast(text, on: channel, except: event.excludedSocketID)
        }
        return deliveries
    }

    @discardableResult
    private func broadcast(_ text: String, on channel: String, except excluded: String?) -> Int {
        var count = 0
        for (socketID, socket) in sockets where socket.channels[channel] != nil && socketID != excluded {
            socket.send.yield(text)
            count += 1
        }
        return count
    }

    /// The members of a presence channel by user id.
    private func members(of channel: String) -> [String: Member] {
        var members: [String: Member] = [:]
        for socket in sockets.values {
            if case .some(.some(let member)) = socket.channels[channel] { members[member.userID] = member }
        }
        return members
    }

    private func announceRemoval(of member: Member, from channel: String) {
        guard !members(of: channel).keys.contains(member.userID) else { return }
        broadcast(
            PusherWire.message(
                event: "pusher_internal:member_removed", channel: channel,
                data: PusherWire.text(["user_id": member.userID])),
            on: channel, except: nil)
    }
}
