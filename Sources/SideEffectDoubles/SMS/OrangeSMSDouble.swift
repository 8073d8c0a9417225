import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// A stand-in for Orange's SMS API (developer.orange.com, "SMS Africa") for tests and staging: the OAuth
/// client-credentials token endpoint and the outbound SMS endpoint, checked as Orange checks them, plus an
/// inbox, `GET /csar/messages`, where csar-check reads what a site sent.
///
/// Point the site at it (`SMS_API_URL=http://127.0.0.1:PORT`) with the client id and secret it was started
/// with. It answers:
/// - `POST /oauth/v3/token` (HTTP Basic with the client id and secret, form `grant_type=client_credentials`):
///   200 with a bearer token, 401 `invalid_client` for wrong or missing credentials, 400 for another grant;
/// - `POST /smsmessaging/v1/outbound/{senderAddress}/requests` with a token it issued and an
///   `outboundSMSMessageRequest`: 201 with the request echoed, its `resourceURL` and a `Location` header;
///   401 for a missing, unknown or expired token, 400 (`requestError.serviceException`) for a body of the
///   wrong shape;
/// - `GET /csar/messages[?since=ISO 8601]`: the accepted messages and the rejected requests, newest first,
///   without tokens or secrets;
/// - 404 to anything else.
///
/// Every request but the inbox's is recorded: ``messages()`` and ``rejections()``, whose reasons are plain
/// words ("no bearer token", "wrong client secret") that never repeat a secret.
///
/// ```swift
/// let sms = try await OrangeSMSDouble.start(.init(clientID: "id", clientSecret: "secret"))
/// // Laravel: SMS_API_URL=sms.baseURL; csar-check: sms.inboxURL
/// let sent = await sms.messages()
/// await sms.stop()
/// ```
public final class OrangeSMSDouble: Sendable {
    /// The credentials the double accepts, and where it listens.
    public struct Configuration: Sendable {
        /// The OAuth client id (Laravel's `SMS_CLIENT_ID`).
        public var clientID: String
        /// The OAuth client secret (Laravel's `SMS_CLIENT_SECRET`); never printed nor served.
        public var clientSecret: String
        /// The address to listen on; loopback unless a demo needs otherwise.
        public var host: String
        /// 0 lets the system pick a free port; ``OrangeSMSDouble/port`` tells which.
        public var port: Int
        /// Seconds a token lives (`expires_in`); Orange's live an hour.
        public var tokenLifetime: Int

        public init(
            clientID: String, clientSecret: String, host: String = "127.0.0.1", port: Int = 0,
            tokenLifetime: Int = 3600
        ) {
            self.clientID = clientID
            self.clientSecret = clientSecret
            self.host = host
            self.port = port
            self.tokenLifetime = tokenLifetime
        }
    }

    /// What the double was started with.
    public let configuration: Configuration
    /// The TCP port it listens on (the real one when the configuration asked for port 0).
    public let port: Int
    let provider: OrangeSMSProvider
    private let services: ListeningServices

    private init(configuration: Configuration, provider: OrangeSMSProvider, services: ListeningServices) {
        self.configuration = configuration
        self.port = services.port
        self.provider = provider
        self.services = services
    }

    /// Starts the double and returns once it listens; call ``stop()`` when done.
    /// - Throws: ``OrangeSMSDoubleError`` when it cannot listen (the port is taken, the host is not local).
    public static func start(_ configuration: Configuration) async throws -> OrangeSMSDouble {
        let provider = OrangeSMSProvider(configuration: configuration)
        var logger = Logger(label: "csar-orange-sms-double")
        logger.logLevel = .warning
        do {
            let services = try await ListeningServices.start(logger: logger, gracePeriod: .seconds(2)) { running in
                Application(
                    responder: OrangeSMSResponder.make(provider: provider),
                    configuration: ApplicationConfiguration(
                        address: .hostname(configuration.host, port: configuration.port)),
                    onServerRunning: running,
                    logger: logger
                )
            }
            await provider.setBaseURL("http://\(configuration.host):\(services.port)")
            return OrangeSMSDouble(configuration: configuration, provider: provider, services: services)
        } catch {
            throw OrangeSMSDoubleError(message: error.message(host: configuration.host, port: configuration.port))
        }
    }

    /// `http://HOST:PORT`, the API's base (Laravel's `SMS_API_URL`).
    public var baseURL: String { "http://\(configuration.host):\(port)" }

    /// `http://HOST:PORT/csar/messages`, the inbox csar-check reads.
    public var inboxURL: String { baseURL + OrangeSMSProvider.inboxPath }

    /// The messages accepted so far, oldest first.
    public func messages() async -> [Message] {
        await provider.messages
    }

    /// The requests refused so far, oldest first.
    public func rejections() async -> [Rejection] {
        await provider.rejections
    }

    /// Closes the listener and returns once the double is down (within two seconds). Calling it again does
    /// nothing.
    public func stop() async {
        await services.stop()
    }
}

/// Why the SMS double could not start.
public struct OrangeSMSDoubleError: Error, CustomStringConvertible {
    public let message: String

    public var description: String { "sms double: \(message)" }
}
