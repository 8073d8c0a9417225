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

    /// Creates a configuration; every parameter has the default described on its property.
    public init(
        host: String = "127.0.0.1",
        port: Int = 0,
        adminEmail: String = "admin@csar.sn",
        adminPassword: String = "csar-demo-password",
        maintenanceSecret: String? = nil,
        maxRequestBodyBytes: Int = 8 * 1_024 * 1_024,
        maxUploadBytes: Int = 2 * 1_024 * 1_024,
        apiRequestsPerMinute: Int = 60
    ) {
        self.host = host
        self.port = port
        self.adminEmail = adminEmail
        self.adminPassword = adminPassword
        self.maintenanceSecret = maintenanceSecret
        self.maxRequestBodyBytes = maxRequestBodyBytes
        self.maxUploadBytes = maxUploadBytes
        self.apiRequestsPerMinute = apiRequestsPerMinute
    }
}
