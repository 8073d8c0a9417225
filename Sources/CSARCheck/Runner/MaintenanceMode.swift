import Foundation

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
        baseURL: String, secret: String, transfer: TransferOptions, stop: StopSignal? = nil
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
            return .success(
                Bypass(
                    cookies: cookies,
                    note: "Maintenance mode bypassed: every scenario carries the \(cookieName) cookie."))
        }
        guard response.status == 503 else {
            return .success(
                Bypass(
                    cookies: [],
                    note: "The site is not in maintenance mode (the bypass path answered \(response.status)); "
                        + "running without a bypass cookie."
                ))
        }
        return .failure(
            .noCookie(
                "maintenance bypass refused: GET \(masker.mask(url)) answered 503 without a \(cookieName) cookie, so the "
                    + "bypass secret is not the one given to `php artisan down --secret` (or the site is down for another "
                    + "reason); nothing was checked. Pass the right secret with --bypass-secret or CSAR_BYPASS_SECRET."
            ))
    }

    /// A plain-words note when the site looks like it is in maintenance mode, so nobody has to guess why every
    /// check failed. Real `php artisan down` answers 503 with neither `Retry-After` nor the word
    /// "maintenance" (only "Service Unavailable"), so any 503 of the home page counts, as does a 503 that
    /// says so on any page.
    public static func notice(for result: ScenarioResult, bypassUsed: Bool) -> String? {
        let answered = result.steps.compactMap { step in
            step.response.map { (url: step.request?.url ?? "", response: $0) }
        }
        let unavailable = answered.filter { $0.response.status == 503 }
        let onHomePage = unavailable.contains {
            isHomePage($0.url, baseURL: result.baseURL) || isHomePage($0.response.effectiveURL, baseURL: result.baseURL)
        }
        let saysMaintenance = unavailable.contains { item in
            item.response.headers.contains { $0.name.caseInsensitiveEquals("Retry-After") }
                || item.response.bodyExcerpt.lowercased().contains("maintenance")
        }
        guard onHomePage || saysMaintenance else { return nil }
        return message(unavailable: "\(unavailable.count) of \(result.steps.count) requests", bypassUsed: bypassUsed)
    }

    /// The same note for a load run whose requests include the home page and got 503 answers.
    public static func notice(forLoad result: LoadResult, baseURL: String, bypassUsed: Bool) -> String? {
        let unavailable = result.responses(in: 503...503)
        guard unavailable > 0, result.plan.urls.contains(where: { isHomePage($0, baseURL: baseURL) }) else {
            return nil
        }
        return message(unavailable: "\(unavailable) of \(result.completed) load requests", bypassUsed: bypassUsed)
    }

    private static func message(unavailable: String, bypassUsed: Bool) -> String {
        if bypassUsed {
            return "The site answers 503 Service Unavailable (\(unavailable)) although every request carried the "
                + "\(cookieName) cookie: it is in maintenance mode and no longer honours that bypass (was "
                + "`php artisan down` run again with another secret?), or it is down for another reason."
        }
        return "The home page answers 503 Service Unavailable (\(unavailable)): the site is most likely in maintenance "
            + "mode (`php artisan down`). During a deployment, give the secret of `php artisan down --secret=…` with "
            + "--bypass-secret SECRET or the CSAR_BYPASS_SECRET environment variable, and csar-check checks the site "
            + "behind maintenance mode with Laravel's \(cookieName) cookie."
    }

    /// The note for `csar-check load URL`, whose site is the URL's origin.
    public static func notice(forLoad result: LoadResult, url: String) -> String? {
        guard let components = URLComponents(string: url), let origin = ReferrerPolicy.origin(of: components) else {
            return nil
        }
        return notice(forLoad: result, baseURL: origin, bypassUsed: false)
    }

    /// The site's home page: the base URL itself, with or without its trailing slash, query left aside.
    static func isHomePage(_ url: String, baseURL: String) -> Bool {
        func normalised(_ text: String) -> String {
            let cut = URLResolution.withoutQuery(text)
            return cut.hasSuffix("/") ? String(cut.dropLast()) : cut
        }
        return !url.isEmpty && normalised(url) == normalised(baseURL)
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
