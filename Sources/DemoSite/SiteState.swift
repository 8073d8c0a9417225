import Hummingbird
import Logging
import Synchronization

/// Everything one running site shares between its middleware and routes.
final class SiteState: Sendable {
    let configuration: DemoSiteConfiguration
    let faults: DemoFaults
    let sessions = SessionStore()
    let demandes = DemandeStore()
    let apiRateLimiter: RateLimiter
    /// Where the confirmation mail goes, when ``DemoSiteConfiguration/mailCatcherPath`` is set.
    let mailCatcher: MailCatcher?
    /// The queue worker that sends the mail, SMS and broadcast after a demande is stored.
    let sideEffects: SideEffectQueue
    /// `throttle:api`'s limit for the next request: the fault switch's, else the configuration's.
    var apiRequestsPerMinute: Int {
        faults.apiRequestsPerMinute ?? configuration.apiRequestsPerMinute
    }
    /// Served over HTTPS (``DemoSiteConfiguration/tls``): absolute URLs say `https`, cookies are `Secure`.
    var servesHTTPS: Bool { configuration.tls != nil }
    /// The port actually bound, set once the server listens; only used for requests without a Host header.
    let boundPort = Atomic<Int>(0)

    init(configuration: DemoSiteConfiguration, faults: DemoFaults, logger: Logger = Logger(label: "csar-demo-site")) {
        self.configuration = configuration
        self.faults = faults
        apiRateLimiter = RateLimiter(decaySeconds: 60)
        mailCatcher = configuration.mailCatcherPath == nil ? nil : MailCatcher()
        sideEffects = SideEffectQueue(delay: configuration.queueDelay, logger: logger)
    }

    /// Queues what a stored demande sets off.
    func announce(_ demande: Demande) {
        DemandeAnnouncer(configuration: configuration, mailCatcher: mailCatcher, queue: sideEffects).announce(demande)
    }

    /// The absolute URL of `path`. Like Laravel's URL generator it trusts the request's Host header, which
    /// is why redirects read `http://127.0.0.1:PORT/login` rather than a relative path.
    func url(_ path: String, for request: Request) -> String {
        origin(for: request) + path
    }

    /// `$request->fullUrl()`: the absolute URL without a trailing slash (`http://host:port` for the home
    /// page), then the query string.
    func fullURL(of request: Request) -> String {
        var path = request.uri.path
        while path.hasSuffix("/") { path.removeLast() }
        return url(path, for: request) + (request.uri.query.map { "?" + $0 } ?? "")
    }

    private var scheme: String { servesHTTPS ? "https://" : "http://" }

    private func origin(for request: Request) -> String {
        if let authority = request.head.authority, Self.isPlausibleAuthority(authority) {
            return scheme + authority
        }
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        return scheme + "\(host):\(boundPort.load(ordering: .relaxed))"
    }

    /// A Host header is echoed into Location headers and form actions, so anything beyond host-name,
    /// IPv6 and port characters is ignored rather than reflected.
    private static func isPlausibleAuthority(_ authority: String) -> Bool {
        !authority.isEmpty && authority.utf8.count <= 255
            && authority.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || ".-:[]".contains($0)) }
    }
}
