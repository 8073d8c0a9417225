import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import ServiceLifecycle
import SideEffectDoubles

/// An in-process look-alike of the CSAR Laravel site (public home page, request form, admin login, warehouse
/// map and its JSON API), for exercising `csar-check` without the real platform.
public enum DemoSite {
    /// Starts the site and returns once it is listening and its port is known.
    ///
    /// The server runs on SwiftNIO's shared event loops in a background task, so callers can send requests
    /// from any thread (libcurl, URLSession, raw sockets) while the returned handle is alive.
    /// - Parameters:
    ///   - configuration: Address, credentials and limits. With `port: 0` the system picks a free port.
    ///   - faults: Switches to break the site on purpose; keep a reference to flip them while it runs. When
    ///     `configuration.maintenanceSecret` is set, `faults.maintenance` is switched on with that secret.
    /// - Throws: ``DemoSiteError`` for an invalid configuration or when the server cannot listen (for example
    ///   because the port is taken).
    public static func start(
        _ configuration: DemoSiteConfiguration = .init(),
        faults: DemoFaults = .init()
    ) async throws -> RunningDemoSite {
        guard (0...65_535).contains(configuration.port) else {
            throw DemoSiteError(message: "port \(configuration.port) is outside 0...65535")
        }
        guard configuration.maxRequestBodyBytes > 0, configuration.maxUploadBytes > 0,
            configuration.apiRequestsPerMinute > 0
        else {
            throw DemoSiteError(message: "body, upload and API rate limits must be positive")
        }
        for url in [configuration.sms?.apiURL, configuration.pusher?.apiURL].compactMap({ $0 })
        where URL(string: url)?.scheme != "http" || URL(string: url)?.host == nil {
            throw DemoSiteError(message: "\(url): the SMS and Pusher APIs must be http:// URLs (local doubles)")
        }
        if let secret = configuration.maintenanceSecret {
            faults.maintenance = .on(secret: secret)
        }
        var logger = Logger(label: "csar-demo-site")
        // Hummingbird logs every start at info level; a CLI and its tests only want to hear about problems.
        logger.logLevel = .warning
        let state = SiteState(configuration: configuration, faults: faults, logger: logger)

        let tls: TLSConfiguration?
        do {
            tls = try configuration.tls?.serverConfiguration()
        } catch {
            throw DemoSiteError(message: "the TLS certificate or key cannot be used: \(error)")
        }
        let services: ListeningServices
        do {
            // The queue comes first so that it stops last: demandes stored before shutdown still send their mail.
            // A request stuck in a long latency fault must not hold `stop()` hostage.
            services = try await ListeningServices.start(
                logger: logger, gracePeriod: .seconds(5), servicesBefore: [state.sideEffects]
            ) { running in
                Application(
                    responder: SiteResponder.build(state: state),
                    server: HTTPServerBuilder { responder in
                        let http = DemoHTTP1Channel(
                            http1: HTTP1Channel(
                                responder: responder,
                                configuration: .init(additionalChannelHandlers: [ExpectContinueHandler()])))
                        guard let tls else { return http }
                        return try TLSChannel(http, tlsConfiguration: tls)
                    },
                    configuration: ApplicationConfiguration(
                        address: .hostname(configuration.host, port: configuration.port)),
                    onServerRunning: running,
                    logger: logger
                )
            }
        } catch {
            throw DemoSiteError(message: error.message(host: configuration.host, port: configuration.port))
        }
        state.boundPort.store(services.port, ordering: .relaxed)
        var redirect: ListeningServices?
        if let siteTLS = configuration.tls, siteTLS.redirectsPlainHTTP {
            do {
                redirect = try await startRedirect(
                    host: configuration.host, to: "https://\(siteTLS.serverName):\(services.port)", logger: logger)
            } catch {
                await services.stop()
                throw error
            }
        }
        return RunningDemoSite(
            host: configuration.host, tls: configuration.tls, faults: faults, services: services, redirect: redirect)
    }

    /// The plain-HTTP listener of a site served over HTTPS, on a free port of the same host.
    private static func startRedirect(
        host: String, to origin: String, logger: Logger
    ) async throws
        -> ListeningServices
    {
        do {
            return try await ListeningServices.start(logger: logger, gracePeriod: .seconds(1)) { running in
                Application(
                    responder: HTTPSRedirectResponder(httpsOrigin: origin),
                    configuration: ApplicationConfiguration(address: .hostname(host, port: 0)),
                    onServerRunning: running,
                    logger: logger)
            }
        } catch {
            throw DemoSiteError(message: "HTTP redirect: " + error.message(host: host, port: 0))
        }
    }
}

/// A demo site that is listening; call ``stop()`` when done with it.
public final class RunningDemoSite: Sendable {
    /// The TCP port the site listens on (the real one when the configuration asked for port 0).
    public let port: Int
    /// The switches this site reads on every request.
    public let faults: DemoFaults
    /// Where clients reach the site: the configured host, or loopback when it listens on every interface.
    private let clientHost: String
    private let scheme: String
    private let services: ListeningServices
    /// The plain-HTTP listener that redirects to this site, when it serves HTTPS.
    private let redirect: ListeningServices?

    init(
        host: String, tls: DemoSiteTLS?, faults: DemoFaults, services: ListeningServices,
        redirect: ListeningServices?
    ) {
        switch host {
        case _ where tls != nil: clientHost = tls?.serverName ?? host
        case "", "0.0.0.0", "::": clientHost = "127.0.0.1"
        case _ where host.contains(":"): clientHost = "[\(host)]"
        default: clientHost = host
        }
        scheme = tls == nil ? "http" : "https"
        self.port = services.port
        self.faults = faults
        self.services = services
        self.redirect = redirect
    }

    /// `http://127.0.0.1:PORT` with the default host, without a trailing slash; over HTTPS,
    /// `https://SERVERNAME:PORT` (``DemoSiteTLS/serverName``).
    public var baseURL: String { "\(scheme)://\(clientHost):\(port)" }

    /// `http://SERVERNAME:PORT` of the plain-HTTP listener that redirects every request to ``baseURL``, when
    /// the site serves HTTPS with ``DemoSiteTLS/redirectsPlainHTTP``.
    public var plainHTTPBaseURL: String? {
        redirect.map { "http://\(clientHost):\($0.port)" }
    }

    /// Stops accepting connections, lets requests in flight finish (for at most five seconds) and returns
    /// once the server is down. Calling it again does nothing.
    public func stop() async {
        await redirect?.stop()
        await services.stop()
    }
}

/// Why the demo site could not start.
public struct DemoSiteError: Error, CustomStringConvertible {
    /// What went wrong, in words fit for a command-line error.
    public let message: String

    public var description: String { "demo site: \(message)" }
}
