import Foundation

/// Runs `subscribe:` and `expect_event:` steps: connects to a Pusher-protocol server, subscribes (a private or
/// presence channel authorised by the site's `/broadcasting/auth` with the scenario's own session, as Laravel
/// Echo does), keeps what arrives, and waits for an event there. One per scenario; `close()` at its end.
final class RealtimeStepRunner: @unchecked Sendable {
    let variables: VariableStore
    let transcript: Transcript
    let client: HTTPClient
    let baseURL: String
    /// Raised by a signal: a wait in progress ends.
    let stop: StopSignal
    /// The open connection of each subscribed channel.
    private var connections: [String: PusherConnection] = [:]
    /// Why the subscription to a channel failed, for the events waited for on it.
    private var failedSubscriptions: [String: String] = [:]

    init(variables: VariableStore, transcript: Transcript, client: HTTPClient, baseURL: String, stop: StopSignal) {
        self.variables = variables
        self.transcript = transcript
        self.client = client
        self.baseURL = baseURL
        self.stop = stop
    }

    enum Failure: Error {
        /// A setting is missing: the step is not run.
        case notConfigured(String)
        case failed(String)
    }

    /// Where the server is: the step's `url`, else Laravel's `PUSHER_*` settings from the environment.
    func endpoint(for subscription: ChannelSubscription) throws(Failure) -> PusherEndpoint {
        func env(_ name: String) -> String? {
            variables.lookup(ScenarioLoader.environmentPrefix + name).flatMap { $0.isEmpty ? nil : $0 }
        }
        func render(_ template: Template?) throws(Failure) -> String? {
            guard let template else { return nil }
            do {
                let value = try variables.render(template)
                return value.isEmpty ? nil : value
            } catch {
                throw .notConfigured(Self.missing(error.name))
            }
        }
        guard let key = try render(subscription.key) ?? env("PUSHER_APP_KEY") else {
            throw .notConfigured("not run: environment variable PUSHER_APP_KEY is not set")
        }
        let timeout = Duration.milliseconds(Int(subscription.timeout * 1000))
        let caFile = try render(subscription.caCertificate)
        if let url = try render(subscription.url) {
            guard let parsed = URLComponents(string: url), let scheme = parsed.scheme, ["ws", "wss"].contains(scheme),
                let host = parsed.host, !host.isEmpty
            else {
                throw .failed("'\(url)' is not a ws:// or wss:// URL")
            }
            let useTLS = scheme == "wss"
            return PusherEndpoint(
                host: host, port: parsed.port ?? (useTLS ? 443 : 80), key: key, useTLS: useTLS, caFile: caFile,
                connectTimeout: timeout)
        }
        if let host = env("PUSHER_HOST") {
            let useTLS = (env("PUSHER_SCHEME") ?? "https") == "https"
            return PusherEndpoint(
                host: host, port: env("PUSHER_PORT").flatMap { Int($0) } ?? (useTLS ? 443 : 80), key: key,
                useTLS: useTLS, caFile: caFile, connectTimeout: timeout)
        }
        if let cluster = env("PUSHER_APP_CLUSTER") {
            var endpoint = PusherEndpoint.pusher(cluster: cluster, key: key)
            endpoint.connectTimeout = timeout
            endpoint.caFile = caFile
            return endpoint
        }
        throw .notConfigured("not run: environment variables PUSHER_HOST and PUSHER_APP_CLUSTER are not set")
    }

    /// Connects and subscribes; the channel's connection is kept for the `expect_event:` steps.
    func subscribe(_ subscription: ChannelSubscription, endpoint: PusherEndpoint) throws(Failure) -> String {
        let channel: String
        let authPath: String
        do {
            channel = try variables.render(subscription.channel)
            authPath = try variables.render(subscription.auth)
        } catch {
            throw .notConfigured(Self.missing(error.name))
        }
        do {
            try subscribe(channel, authPath: authPath, subscription: subscription, endpoint: endpoint)
        } catch {
            if case .failed(let reason) = error { failedSubscriptions[channel] = reason }
            throw error
        }
        failedSubscriptions[channel] = nil
        return channel
    }

    private func subscribe(
        _ channel: String, authPath: String, subscription: ChannelSubscription, endpoint: PusherEndpoint
    ) throws(Failure) {
        let connection: PusherConnection
        do {
            connection = try Blocking.await(stop: stop) { try await PusherConnection.connect(to: endpoint) }
        } catch {
            throw .failed(Self.text(error))
        }
        do {
            var authorization: (auth: String, channelData: String?)?
            if channel.hasPrefix("private-") || channel.hasPrefix("presence-") {
                let socketID = try Blocking.await { await connection.socketID }
                authorization = try authorize(socketID: socketID, channel: channel, path: authPath)
            }
            let authorizer: PusherConnection.Authorizer? = authorization.map { granted in
                { @Sendable _, _ in granted }
            }
            let limit = Duration.milliseconds(Int(subscription.timeout * 1000))
            try Blocking.await(stop: stop) {
                try await connection.subscribe(to: channel, within: limit, authorizer: authorizer)
            }
        } catch {
            _ = try? Blocking.await { await connection.close() }
            if let failure = error as? Failure { throw failure }
            throw .failed(Self.text(error))
        }
        if let previous = connections[channel] { _ = try? Blocking.await { await previous.close() } }
        connections[channel] = connection
    }

    /// Laravel Echo's authorisation: `POST /broadcasting/auth` with `socket_id` and `channel_name`, the session's
    /// cookies, and its CSRF token from the `XSRF-TOKEN` cookie. Answers `{"auth": "KEY:SIGNATURE"}`.
    private func authorize(socketID: String, channel: String, path: String) throws(Failure) -> (String, String?) {
        var headers = [
            HTTPHeader("Accept", "application/json"), HTTPHeader("X-Requested-With", "XMLHttpRequest"),
        ]
        if let xsrf = client.cookies.last(where: { $0.name == "XSRF-TOKEN" })?.value.removingPercentEncoding {
            headers.append(HTTPHeader("X-XSRF-TOKEN", xsrf))
        }
        let url = RequestBuilder.join(baseURL, path)
        let body = FormEncoding.encode([("socket_id", socketID), ("channel_name", channel)])
        let response: HTTPResponse
        do {
            response = try client.send(
                HTTPRequest(
                    method: "POST", url: url, headers: headers,
                    body: .bytes(Array(body.utf8), contentType: "application/x-www-form-urlencoded")))
        } catch {
            throw .failed("the site's channel authorisation (POST \(url)) failed: \(transcript.masker.mask(error))")
        }
        let json = try? JSONValue.parse(response.body)
        guard response.status == 200, let auth = json?["auth"]?.stringValue else {
            throw .failed(
                "the site refused \(channel): POST \(url) answered \(response.status)"
                    + (response.status == 403 ? " (is the scenario logged in as a user the channel admits?)" : ""))
        }
        transcript.masker.add(auth, minimumLength: 8)
        return (auth, json?["channel_data"]?.stringValue)
    }

    /// Waits for `event` on `channel` whose data contains `texts`, `within` seconds at most.
    func wait(
        for event: String, on channel: String, containing texts: [String], within: Double
    ) throws(Failure) -> PusherEvent {
        guard let connection = connections[channel] else {
            if let reason = failedSubscriptions[channel] {
                throw .failed("the subscription to \(channel) failed: \(reason)")
            }
            throw .notConfigured("not run: no earlier step subscribed to \(channel)")
        }
        let limit = Duration.milliseconds(Int(within * 1000))
        do {
            return try Blocking.await(stop: stop) {
                try await connection.nextEvent(named: event, on: channel, containing: texts, within: limit)
            }
        } catch {
            throw .failed(Self.text(error))
        }
    }

    /// Closes every connection.
    func close() {
        for connection in connections.values { _ = try? Blocking.await { await connection.close() } }
        connections = [:]
    }

    private static func text(_ error: any Error) -> String {
        (error as? PusherError)?.message ?? "\(error)"
    }

    static func missing(_ name: String) -> String {
        StepRunner.missingVariableMessage(name, leftOut: "not run")
    }
}
