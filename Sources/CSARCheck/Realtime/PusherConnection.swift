import Foundation
import Logging
import NIOSSL
import WSClient

/// A client of a Pusher Channels server over WebSocket (protocol 7), to check that a site's broadcast arrives:
/// connect, subscribe (private and presence channels through the caller's authorizer, which asks the site's
/// `/broadcasting/auth`), trigger the site, then wait for the event with a deadline.
///
/// Events received on subscribed channels are kept until a wait claims them, since the subscription is made
/// before the request that triggers the broadcast. The connection answers the server's pings by itself. Every
/// wait is bounded, and every failure is a ``PusherError`` that names the URL, channel or event.
///
/// ```swift
/// let pusher = try await PusherConnection.connect(to: .init(host: "127.0.0.1", port: 6001, key: "key", useTLS: false))
/// try await pusher.subscribe(to: "private-admins") { socketID, channel in try await laravelAuth(socketID, channel) }
/// // … submit the form …
/// let event = try await pusher.nextEvent(named: "demande.created", on: "private-admins", within: .seconds(10))
/// await pusher.close()
/// ```
public actor PusherConnection {
    /// Signs a subscription to a private or presence channel for a socket: `auth` (`KEY:HEXSIG`) and, for a
    /// presence channel, the `channel_data` it signed — what Laravel's `/broadcasting/auth` answers.
    public typealias Authorizer =
        @Sendable (_ socketID: String, _ channel: String) async throws -> (auth: String, channelData: String?)

    /// The server this connection was opened to.
    public nonisolated let endpoint: PusherEndpoint
    /// The id the server gave this connection in `pusher:connection_established` (`123.456`).
    public private(set) var socketID = ""
    /// Channels whose subscription the server confirmed.
    public private(set) var subscribedChannels: Set<String> = []

    private var outbound: WebSocketOutboundWriter?
    private var client: Task<Void, Never>?
    private var ending: PusherError?
    private var pendingSubscriptions: Set<String> = []
    private var refusedSubscriptions: [String: PusherError] = [:]
    private var received: [PusherEvent] = []
    private var waits: [Int: Wait] = [:]
    private var nextWaitID = 0

    /// What a wait is for; each is settled by what the server sends, by its deadline or by the end.
    private enum Expectation {
        case connection
        case subscription(String)
        /// An event of that name on that channel whose data contains every text of `containing`.
        case event(name: String, channel: String, containing: [String])
    }

    private struct Wait {
        let expectation: Expectation
        let limit: Duration
        let continuation: CheckedContinuation<PusherEvent?, any Error>
    }

    /// Events kept for later waits, at most; the oldest go first.
    private static let keptEvents = 1000

    private init(endpoint: PusherEndpoint) {
        self.endpoint = endpoint
    }

    /// Opens the WebSocket and returns once the server has sent `pusher:connection_established`.
    /// - Throws: ``PusherError`` `.connectionFailed` (nothing listening, TLS, upgrade refused),
    ///   `.refusedByServer` (`pusher:error`, such as an unknown app key), `.timedOut` past
    ///   `endpoint.connectTimeout`.
    public static func connect(to endpoint: PusherEndpoint) async throws -> PusherConnection {
        let connection = PusherConnection(endpoint: endpoint)
        try await connection.open()
        return connection
    }

    private func open() async throws {
        var logger = Logger(label: "csar-check.pusher")
        logger.logLevel = .critical
        var tls: TLSConfiguration?
        if endpoint.useTLS {
            var configuration = TLSConfiguration.makeClientConfiguration()
            if let caFile = endpoint.caFile { configuration.trustRoots = .file(caFile) }
            tls = configuration
        }
        let webSocket = WebSocketClient(
            url: endpoint.url, configuration: .init(maxFrameSize: 1 << 20, closeTimeout: .seconds(2)),
            tlsConfiguration: tls, logger: logger
        ) { [weak self] inbound, outbound, _ in
            await self?.attach(outbound)
            for try await message in inbound.messages(maxSize: 1 << 20) {
                if case .text(let text) = message { await self?.receive(text) }
            }
        }
        let url = endpoint.url
        client = Task { [weak self] in
            let ending: PusherError
            do {
                let close = try await webSocket.run()
                let code = close.map { " (close code \($0.closeCode)\($0.reason.map { ": \($0)" } ?? ""))" } ?? ""
                ending = PusherError(.closed, "the Pusher server at \(url) closed the connection\(code)")
            } catch {
                ending = PusherError(.connectionFailed, "cannot connect to the Pusher server at \(url): \(error)")
            }
            await self?.end(ending)
        }
        do {
            _ = try await wait(for: .connection, within: endpoint.connectTimeout)
        } catch {
            client?.cancel()
            throw error
        }
    }

    /// Subscribes to a channel and returns once the server confirmed it. A `private-` or `presence-` channel is
    /// first authorized by `authorizer` (its own time is the caller's to bound); subscribing again to a
    /// confirmed channel does nothing.
    /// - Throws: ``PusherError`` `.authorizationFailed`, `.subscriptionRefused` with the server's reason,
    ///   `.timedOut` when no answer came within `limit`, `.closed`.
    public func subscribe(
        to channel: String, within limit: Duration = .seconds(10), authorizer: Authorizer? = nil
    ) async throws {
        if let ending { throw ending }
        guard !subscribedChannels.contains(channel) else { return }
        var data: [String: Any] = ["channel": channel]
        if channel.hasPrefix("private-") || channel.hasPrefix("presence-") {
            guard let authorizer else {
                throw PusherError(
                    .authorizationFailed,
                    "\(channel) is a private channel: subscribing needs an authorizer (the site's /broadcasting/auth)")
            }
            do {
                let signed = try await authorizer(socketID, channel)
                data["auth"] = signed.auth
                if let channelData = signed.channelData { data["channel_data"] = channelData }
            } catch {
                throw PusherError(
                    .authorizationFailed, "authorizing socket \(socketID) for \(channel) failed: \(error)")
            }
        }
        refusedSubscriptions[channel] = nil
        pendingSubscriptions.insert(channel)
        try await send(event: "pusher:subscribe", data: data)
        _ = try await wait(for: .subscription(channel), within: limit)
    }

    /// Stops receiving a channel's events; those already received stay claimable.
    public func unsubscribe(from channel: String) async throws {
        subscribedChannels.remove(channel)
        try await send(event: "pusher:unsubscribe", data: ["channel": channel])
    }

    /// The first event named `name` received on `channel` and not yet claimed, received before this call or
    /// within `limit`. The event is claimed: a second call waits for another one.
    /// - Throws: ``PusherError`` `.timedOut` naming the event, the channel and the limit (and what else arrived
    ///   on the channel), `.closed` when the connection ends first.
    public func nextEvent(
        named name: String, on channel: String, containing texts: [String] = [], within limit: Duration
    ) async throws -> PusherEvent {
        guard let event = try await wait(for: .event(name: name, channel: channel, containing: texts), within: limit)
        else {
            throw PusherError(.closed, "no event \(name) on \(channel)")
        }
        return event
    }

    /// Events received and not claimed yet, oldest first.
    public var unclaimedEvents: [PusherEvent] { received }

    /// Closes the WebSocket (normal closure) and ends the pending waits with `.closed`. Calling it again does
    /// nothing.
    public func close() async {
        guard ending == nil else { return }
        end(PusherError(.closed, "the connection to \(endpoint.url) was closed by csar-check"))
        try? await outbound?.close(.normalClosure, reason: nil)
        outbound = nil
        client?.cancel()
    }

    // MARK: - Waits

    private func wait(for expectation: Expectation, within limit: Duration) async throws -> PusherEvent? {
        if case .ready(let event) = try settled(expectation) { return event }
        if let ending { throw ending }
        let id = nextWaitID
        nextWaitID += 1
        let timer = Task { [weak self] in
            guard (try? await Task.sleep(for: limit)) != nil else { return }
            await self?.expire(id)
        }
        defer { timer.cancel() }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                waits[id] = Wait(expectation: expectation, limit: limit, continuation: continuation)
            }
        } onCancel: {
            Task { await self.finish(id, throwing: PusherError(.closed, "the wait was cancelled")) }
        }
    }

    private enum Settlement {
        case waiting
        /// Done: with the claimed event for an event's wait, nil for a connection or a subscription.
        case ready(PusherEvent?)
    }

    /// What the expectation already has: the connection or subscription is confirmed, an event is kept (and
    /// claimed now), or a subscription was refused (thrown).
    private func settled(_ expectation: Expectation) throws -> Settlement {
        switch expectation {
        case .connection:
            return socketID.isEmpty ? .waiting : .ready(nil)
        case .subscription(let channel):
            if let refusal = refusedSubscriptions[channel] { throw refusal }
            return subscribedChannels.contains(channel) ? .ready(nil) : .waiting
        case .event(let name, let channel, let texts):
            guard
                let index = received.firstIndex(where: {
                    $0.name == name && $0.channel == channel && texts.allSatisfy($0.data.contains)
                })
            else {
                return .waiting
            }
            return .ready(received.remove(at: index))
        }
    }

    private func expire(_ id: Int) {
        guard let wait = waits[id] else { return }
        finish(id, throwing: timeout(of: wait.expectation, after: wait.limit))
    }

    private func finish(_ id: Int, with event: PusherEvent? = nil, throwing error: PusherError? = nil) {
        guard let wait = waits.removeValue(forKey: id) else { return }
        if let error { wait.continuation.resume(throwing: error) } else { wait.continuation.resume(returning: event) }
    }

    /// Settles, oldest first, the waits the current state satisfies.
    private func settleWaits() {
        for id in waits.keys.sorted() {
            guard let wait = waits[id] else { continue }
            do {
                if case .ready(let event) = try settled(wait.expectation) { finish(id, with: event) }
            } catch {
                finish(id, throwing: error as? PusherError)
            }
        }
    }

    private func timeout(of expectation: Expectation, after limit: Duration) -> PusherError {
        let seconds = Self.text(limit)
        switch expectation {
        case .connection:
            return PusherError(
                .timedOut, "no pusher:connection_established from \(endpoint.url) within \(seconds)")
        case .subscription(let channel):
            return PusherError(.timedOut, "the server did not answer the subscription to \(channel) within \(seconds)")
        case .event(let name, let channel, let texts):
            let others = received.filter { $0.channel == channel }.map(\.name)
            let wanted = texts.isEmpty ? "" : " containing " + texts.map { "'\($0)'" }.joined(separator: " and ")
            let seen =
                others.isEmpty ? "nothing else arrived on it" : "arrived on it: " + others.joined(separator: ", ")
            let state = subscribedChannels.contains(channel) ? "" : ", a channel this connection is not subscribed to"
            return PusherError(
                .timedOut, "no event \(name)\(wanted) on \(channel)\(state) within \(seconds) (\(seen))")
        }
    }

    static func text(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return seconds == seconds.rounded() ? "\(Int(seconds)) s" : String(format: "%.3g s", seconds)
    }

    // MARK: - Messages

    private func attach(_ writer: WebSocketOutboundWriter) {
        outbound = writer
    }

    private func send(event: String, data: [String: Any]) async throws {
        guard let outbound, ending == nil else {
            throw ending ?? PusherError(.closed, "the connection to \(endpoint.url) is not open")
        }
        let object: [String: Any] = ["event": event, "data": data]
        let text = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        do {
            try await outbound.write(.text(text))
        } catch {
            throw PusherError(.closed, "cannot send \(event) to \(endpoint.url): \(error)")
        }
    }

    private func receive(_ text: String) async {
        guard let message = PusherMessage(text) else { return }
        switch message.event {
        case "pusher:connection_established":
            socketID = message.object["socket_id"] as? String ?? ""
        case "pusher:ping":
            try? await send(event: "pusher:pong", data: [:])
        case "pusher:error":
            serverError(message)
        case "pusher_internal:subscription_succeeded":
            guard let channel = message.channel else { return }
            pendingSubscriptions.remove(channel)
            subscribedChannels.insert(channel)
        case "pusher:subscription_error":
            guard let channel = message.channel else { return }
            pendingSubscriptions.remove(channel)
            let reason = message.object["error"] as? String ?? message.data
            refusedSubscriptions[channel] = PusherError(
                .subscriptionRefused, "the Pusher server refused the subscription to \(channel): \(reason)")
        default:
            guard let channel = message.channel, !message.event.hasPrefix("pusher_internal:") else { return }
            received.append(PusherEvent(name: message.event, channel: channel, data: message.data))
            if received.count > Self.keptEvents { received.removeFirst() }
        }
        settleWaits()
    }

    /// `pusher:error`: before `connection_established` a refused connection; while subscribing (Pusher answers a
    /// bad signature so, without a channel) a refusal of the pending subscriptions.
    private func serverError(_ message: PusherMessage) {
        let code = (message.object["code"] as? Int).map { " (code \($0))" } ?? ""
        let reason = (message.object["message"] as? String ?? message.data) + code
        if socketID.isEmpty {
            end(PusherError(.refusedByServer, "the Pusher server at \(endpoint.url) refused the connection: \(reason)"))
            return
        }
        for channel in pendingSubscriptions {
            refusedSubscriptions[channel] = PusherError(
                .subscriptionRefused, "the Pusher server refused the subscription to \(channel): \(reason)")
        }
        pendingSubscriptions.removeAll()
    }

    /// The connection is over: every wait ends with `error`, and so will every later call.
    private func end(_ error: PusherError) {
        if ending == nil { ending = error }
        for id in waits.keys.sorted() { finish(id, throwing: ending) }
    }
}
