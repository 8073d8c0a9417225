/// Laravel's maintenance mode (`php artisan down --secret=…`): every request answers 503 unless the
/// client first visits `/{secret}`, which sets the `laravel_maintenance` cookie and redirects.
public enum MaintenanceMode {
    public static let cookieName = "laravel_maintenance"

    /// What visiting the bypass path gave.
    public struct Bypass: Sendable {
        /// The cookies every scenario's jar starts with; empty when the site is not in maintenance mode.
        public var cookies: [Cookie]
        public var note: String
    }

    /// Visits the bypass path and returns the cookies it set, for every scenario's jar to start with.
    /// A site that is not down answers the path with a plain 404: the run then goes on without a cookie.
    /// Blocking.
    public static func bypass(
        baseURL: String, secret: String, transfer: TransferOptions, stop: LoadStopSignal? = nil
    ) -> Result<Bypass, BypassFailure> {
        let client = HTTPClient(options: transfer, stop: stop)
        let url = RequestBuilder.join(baseURL, "/" + (secret.addingPercentEncodingForPath()))
        let masker = SecretMasker(secrets: [secret])
        let response: HTTPResponse
        do {
            response = try client.send(HTTPRequest(method: "GET", url: url))
        } catch {
            return .failure(.unreachable(masker.mask(error)))
        }
        let cookies = client.cookies.filter { $0.name == cookieName }
        if !cookies.isEmpty {
            return .success(Bypass(cookies: cookies, note: "Maintenance mode bypassed: every scenario carries the \(cookieName) cookie."))
        }
        guard response.status == 503 else {
            return .success(Bypass(
                cookies: [], note: "The site is not in maintenance mode (the bypass path answered \(response.status)); "
                    + "running without a bypass cookie."
            ))
        }
        return .failure(.noCookie(
            "maintenance bypass failed: the site is in maintenance mode and GET \(masker.mask(url)) answered 503 "
                + "without a \(cookieName) cookie; check the secret given to `php artisan down --secret`"
        ))
    }

    /// A plain-words note when responses look like maintenance mode (503, with Retry-After or the
    /// maintenance page), so nobody has to guess why every check failed.
    public static func notice(for result: ScenarioResult, bypassUsed: Bool) -> String? {
        let unavailable = result.steps.compactMap(\.response).filter { response in
            response.status == 503 && (response.headers.contains { $0.name.caseInsensitiveEquals("Retry-After") }
                || response.bodyExcerpt.lowercased().contains("maintenance"))
        }
        guard !unavailable.isEmpty else { return nil }
        let count = "\(unavailable.count) of \(result.steps.count) requests"
        if bypassUsed {
            return "The site is in maintenance mode and refused the bypass cookie (503 on \(count)): "
                + "the bypass secret is probably not the one given to `php artisan down --secret`."
        }
        return "The site is in maintenance mode (503 Service Unavailable on \(count)). During a deployment, "
            + "pass --bypass-secret SECRET (or set CSAR_BYPASS_SECRET) with the secret of `php artisan down --secret` "
            + "to test behind maintenance mode."
    }
}

/// Why the maintenance bypass could not be taken.
public enum BypassFailure: Error, Sendable, CustomStringConvertible {
    case unreachable(TransportError)
    case noCookie(String)

    public var description: String {
        switch self {
        case .unreachable(let error): "maintenance bypass: \(error.description)"
        case .noCookie(let message): message
        }
    }
}

extension String {
    func addingPercentEncodingForPath() -> String {
        FormEncoding.encode(self).replacingOccurrences(of: "+", with: "%20")
    }
}
