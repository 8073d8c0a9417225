import Foundation
import HummingbirdWebSocket
import NIOWebSocket

/// One client's WebSocket on a ``PusherServer``: `connection_established`, then subscriptions, pings and
/// unsubscriptions until the client goes. What it sends goes through one stream, in order, whoever sends it
/// (its own answers, or events the events API delivers to it).
struct PusherSocket {
    let configuration: PusherServer.Configuration
    let hub: PusherHub

    func run(
        key: String, protocolVersion: Int?, inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter
    ) async throws {
        if let refusal = refusal(key: key, protocolVersion: protocolVersion) {
            await hub.record(.connection(socketID: nil, appKey: key, outcome: .rejected(reason: refusal.message)))
            try await outbound.write(.text(PusherWire.error(code: refusal.code, message: refusal.message)))
            try await outbound.close(.unknown(UInt16(refusal.code)), reason: refusal.message)
            return
        }
        let socketID = "\(Int.random(in: 1...999_999_999)).\(Int.random(in: 1...999_999_999))"
        let (outgoing, send) = AsyncStream.makeStream(of: String.self)
        await hub.connect(socketID: socketID, send: send)
        await hub.record(.connection(socketID: socketID, appKey: key, outcome: .accepted))
        send.yield(PusherWire.connectionEstablished(socketID: socketID, activityTimeout: configuration.activityTimeout))
        await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for await text in outgoing { try await outbound.write(.text(text)) }
            }
            group.addTask {
                for try await message in inbound.messages(maxSize: 1 << 16) {
                    guard case .text(let text) = message, let incoming = PusherWire.parse(text) else { continue }
                    await handle(incoming, from: socketID)
                }
            }
            // Either the client went, or writing to it failed: this socket is done.
            _ = try? await group.next()
            group.cancelAll()
        }
        send.finish()
        await hub.disconnect(socketID: socketID)
    }

    /// Pusher's close codes: 4001 for an app key it does not know, 4007 for an unsupported protocol.
    private func refusal(key: String, protocolVersion: Int?) -> (code: Int, message: String)? {
        if key != configuration.key {
            return (4001, "App key \(key) not in this cluster. Did you forget to specify the cluster?")
        }
        guard let protocolVersion, (5...7).contains(protocolVersion) else {
            return (4007, "Unsupported protocol version \(protocolVersion.map(String.init) ?? "(none)")")
        }
        return nil
    }

    private func handle(_ message: PusherWire.Incoming, from socketID: String) async {
        switch message.event {
        case "pusher:ping":
            await hub.send(PusherWire.message(event: "pusher:pong", data: "{}"), to: socketID)
        case "pusher:subscribe":
            await subscribe(message.data, from: socketID)
        case "pusher:unsubscribe":
            if let channel = message.data["channel"] as? String {
                await hub.unsubscribe(socketID: socketID, channel: channel)
            }
        default:
            break
        }
    }

    private func subscribe(_ data: [String: Any], from socketID: String) async {
        guard let channel = data["channel"] as? String, !channel.isEmpty else {
            await hub.send(PusherWire.error(code: nil, message: "Subscription without a channel"), to: socketID)
            return
        }
        let channelData = data["channel_data"] as? String
        let isPresence = channel.hasPrefix("presence-")
        if isPresence || channel.hasPrefix("private-") {
            let signed = isPresence ? channelData : nil
            if let reason = authFailure(data["auth"] as? String, socketID: socketID, channel: channel, signed: signed) {
                await hub.record(
                    .subscription(socketID: socketID, channel: channel, outcome: .rejected(reason: reason)))
                await hub.send(PusherWire.subscriptionError(channel: channel, reason: reason), to: socketID)
                return
            }
        }
        var member: PusherHub.Member?
        if isPresence {
            let object = channelData.flatMap { PusherWire.jsonObject(Data($0.utf8)) } ?? [:]
            guard let userID = (object["user_id"] as? String) ?? (object["user_id"] as? Int).map(String.init) else {
                let reason = "channel_data of a presence channel must have a user_id"
                await hub.record(
                    .subscription(socketID: socketID, channel: channel, outcome: .rejected(reason: reason)))
                await hub.send(PusherWire.subscriptionError(channel: channel, reason: reason), to: socketID)
                return
            }
            member = PusherHub.Member(userID: userID, userInfo: object["user_info"].map { PusherWire.text($0) })
        }
        await hub.subscribe(socketID: socketID, channel: channel, member: member)
    }

    /// Why `auth` does not grant the channel, in Pusher's words, or nil when it does.
    private func authFailure(_ auth: String?, socketID: String, channel: String, signed channelData: String?) -> String?
    {
        guard let auth, !auth.isEmpty else { return "Auth info required to subscribe to \(channel)" }
        let parts = auth.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, parts[0] == configuration.key else {
            return "Invalid key in subscription auth data: '\(parts.first ?? "")'"
        }
        let subject = PusherSignature.channelSubject(socketID, channel, channelData)
        let expected = PusherSignature.hmacSHA256Hex(secret: configuration.secret, message: subject)
        guard parts[1] == expected else {
            return "Invalid signature: Expected HMAC SHA256 hex digest of \(subject), but got \(parts[1])"
        }
        return nil
    }
}
