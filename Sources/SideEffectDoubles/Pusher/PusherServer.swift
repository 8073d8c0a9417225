import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOCore
import ServiceLifecycle

/// An in-process Pusher Channels server (protocol 7) for tests and demos: the WebSocket endpoint browsers and
/// csar-check subscribe to, and the signed HTTP events API that Laravel's `pusher` broadcaster publishes to.
///
/// It listens on loopback, checks every signature as Pusher does (a channel subscription's `auth`, the events
/// API's `auth_signature` and `body_md5`), delivers events to the channels' subscribers and records what it
/// saw in ``history()``, rejections with their reasons included.
///
/// ```swift
/// let pusher = try await PusherServer.start(.init(appID: "1", key: "key", secret: "secret"))
/// // clients: pusher.webSocketURL; Laravel: PUSHER_HOST=127.0.0.1, PUSHER_PORT=pusher.port, PUSHER_SCHEME=http
/// let seen = await pusher.history()
/// await pusher.stop()
/// ```
public final class PusherServer: Sendable {
    /// The app the server serves, and where it listens.
    public struct Configuration: Sendable {
        public var appID: String
        public var key: String
        public var secret: String
        /// The address to listen on; loopback unless a demo needs otherwise.
        public var host: String
        /// 0 lets the system pick a free port; ``PusherServer/port`` tells which.
        public var port: Int
        /// Seconds the server tells clients to ping after, in `pusher:connection_established`.
        public var activityTimeout: Int
        /// How far an events API request's `auth_timestamp` may be from the server's clock, in seconds.
        public var timestampTolerance: Int

        public init(
            appID: String, key: String, secret: String, host: String = "127.0.0.1", port: Int = 0,
            activityTimeout: Int = 120, timestampTolerance: Int = 600
        ) {
            self.appID = appID
            self.key = key
            self.secret = secret
            self.host = host
            self.port = port
            self.activityTimeout = activityTimeout
            self.timestampTolerance = timestampTolerance
        }
    }

    /// What the server was started with.
    public let configuration: Configuration
    /// The TCP port it listens on (the real one when the configuration asked for port 0).
    public let port: Int
    let hub: PusherHub
    private let services: ListeningServices

    private init(configuration: Configuration, hub: PusherHub, services: ListeningServices) {
        self.configuration = configuration
        self.port = services.port
        self.hub = hub
        self.services = services
    }

    /// Starts the server and returns once it listens; call ``stop()`` when done.
    /// - Throws: ``PusherServerError`` when it cannot listen (the port is taken, the host is not local).
    public static func start(_ configuration: Configuration) async throws -> PusherServer {
        let hub = PusherHub()
        var logger = Logger(label: "csar-pusher-server")
        logger.logLevel = .warning
        let router = Router(context: BasicWebSocketRequestContext.self)
        let endpoints = PusherEndpoints(configuration: configuration, hub: hub)
        endpoints.register(on: router)
        do {
            // An open WebSocket must not hold `stop()` hostage.
            let services = try await ListeningServices.start(logger: logger, gracePeriod: .seconds(2)) { running in
                Application(
                    router: router,
                    server: .http1WebSocketUpgrade(webSocketRouter: router),
                    configuration: ApplicationConfiguration(
                        address: .hostname(configuration.host, port: configuration.port)),
                    onServerRunning: running,
                    logger: logger
                )
            }
            return PusherServer(configuration: configuration, hub: hub, services: services)
        } catch {
            throw PusherServerError(message: error.message(host: configuration.host, port: configuration.port))
        }
    }

    /// `ws://HOST:PORT/app/KEY?protocol=7&client=…&version=…`, where clients connect.
    public var webSocketURL: String {
        "ws://\(configuration.host):\(port)/app/\(configuration.key)?protocol=7&client=csar-check&version=1"
    }

    /// `http://HOST:PORT`, the events API's base (Laravel's `PUSHER_HOST`/`PUSHER_PORT`/`PUSHER_SCHEME`).
    public var baseURL: String { "http://\(configuration.host):\(port)" }

    /// Everything the server saw so far, oldest first.
    public func history() async -> [Record] {
        await hub.history()
    }

    /// Delivers an event as the events API would, without HTTP, and records it; returns the deliveries made.
    @discardableResult
    public func publish(_ event: Event) async -> Int {
        let deliveries = await hub.deliver(event)
        await hub.record(.publish(Publish(events: [event], outcome: .accepted, status: 200, deliveries: deliveries)))
        return deliveries
    }

    /// Closes the listener and the open WebSockets, and returns once the server is down (within two seconds).
    /// Calling it again does nothing.
    public func stop() async {
        await services.stop()
    }
}

/// Why the Pusher server could not start.
public struct PusherServerError: Error, CustomStringConvertible {
    public let message: String

    public var description: String { "pusher server: \(message)" }
}
