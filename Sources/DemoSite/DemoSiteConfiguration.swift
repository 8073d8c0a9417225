/// Settings for an in-process CSAR look-alike site.
public struct DemoSiteConfiguration: Sendable {
    /// Address to listen on. Loopback by default so load tests never reach beyond the machine.
    public var host: String
    /// TCP port; 0 lets the system pick a free port, readable afterwards from ``RunningDemoSite/port``.
    public var port: Int
    /// E-mail address the admin logs in with.
    public var adminEmail: String
    /// Password the admin logs in with.
    public var adminPassword: String
    /// When set, the site starts in maintenance mode with this bypass secret, as after
    /// `php artisan down --secret=…`; ``DemoFaults/maintenance`` can switch it off later.
    public var maintenanceSecret: String?
    /// Bodies larger than this are refused with 413, like PHP's `post_max_size` (8 MB by default).
    public var maxRequestBodyBytes: Int
    /// Largest accepted attachment on the request form, like the `max:2048` rule (2 MB by default).
    public var maxUploadBytes: Int
    /// Requests per minute and client IP the `/api/…` routes accept before answering 429, as Laravel's
    /// `throttle:api` (60 by default).
    public var apiRequestsPerMinute: Int
    /// When set (`/mailpit`), a stored demande's confirmation mail goes into an in-memory mail catcher whose
    /// Mailpit-like HTTP API is served under this path: `GET PATH/api/v1/messages`, `GET PATH/api/v1/message/{ID}/raw`,
    /// `PUT` and `DELETE PATH/api/v1/messages`. Off (nil) by default: no mail is made.
    public var mailCatcherPath: String?
    /// When set, a stored demande with a telephone number sends an SMS through this Orange-shaped API.
    public var sms: SMSSettings?
    /// When set, a stored demande publishes `demande.created` on `private-admins` through this Pusher app's
    /// events API, and `POST /broadcasting/auth` signs the admins' subscriptions with its secret.
    public var pusher: PusherSettings?
    /// How long the mail, SMS and broadcast wait after the demande is stored, as a busy queue worker would make
    /// them (zero by default).
    public var queueDelay: Duration
    /// When set, the site is served over HTTPS with this certificate (and, if it says so, a plain-HTTP
    /// listener redirects to it); nil (the default) serves plain HTTP.
    public var tls: DemoSiteTLS?

    /// Creates a configuration; every parameter has the default described on its property.
    public init(
        host: String = "127.0.0.1",
        port: Int = 0,
        adminEmail: String = "admin@csar.sn",
        adminPassword: String = "csar-demo-password",
        maintenanceSecret: String? = nil,
        maxRequestBodyBytes: Int = 8 * 1_024 * 1_024,
        maxUploadBytes: Int = 2 * 1_024 * 1_024,
        apiRequestsPerMinute: Int = 60,
        mailCatcherPath: String? = nil,
        sms: SMSSettings? = nil,
        pusher: PusherSettings? = nil,
        queueDelay: Duration = .zero,
        tls: DemoSiteTLS? = nil
    ) {
        self.host = host
        self.port = port
        self.adminEmail = adminEmail
        self.adminPassword = adminPassword
        self.maintenanceSecret = maintenanceSecret
        self.maxRequestBodyBytes = maxRequestBodyBytes
        self.maxUploadBytes = maxUploadBytes
        self.apiRequestsPerMinute = apiRequestsPerMinute
        self.mailCatcherPath = mailCatcherPath
        self.sms = sms
        self.pusher = pusher
        self.queueDelay = queueDelay
        self.tls = tls
    }
}
