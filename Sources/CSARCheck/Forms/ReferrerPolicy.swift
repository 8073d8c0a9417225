import Foundation

/// The Referer a browser sends with a form submission (W3C Referrer Policy). The default,
/// `strict-origin-when-cross-origin`, sends the page's full URL to its own origin — which is what
/// Laravel's `back()` and Django's HTTPS CSRF check rely on.
enum ReferrerPolicy: String, Sendable, CaseIterable {
    case noReferrer = "no-referrer"
    case noReferrerWhenDowngrade = "no-referrer-when-downgrade"
    case sameOrigin = "same-origin"
    case origin
    case strictOrigin = "strict-origin"
    case originWhenCrossOrigin = "origin-when-cross-origin"
    case strictOriginWhenCrossOrigin = "strict-origin-when-cross-origin"
    case unsafeURL = "unsafe-url"

    /// The policy a page sets: its `<meta name="referrer">` wins over the `Referrer-Policy` header, whose
    /// last known token counts; unknown values are ignored, as browsers do.
    static func of(header: [String], meta: String?) -> ReferrerPolicy {
        if let meta, let policy = ReferrerPolicy(rawValue: meta.trimmingEdges(of: " ").lowercased()) { return policy }
        let tokens = header.flatMap { $0.split(separator: ",") }.map { $0.trimmingEdges(of: " ").lowercased() }
        return tokens.compactMap(ReferrerPolicy.init(rawValue:)).last ?? .strictOriginWhenCrossOrigin
    }

    /// The Referer for a request from `page` to `target`, or nil for none.
    func referrer(from page: String, to target: String) -> String? {
        guard let source = URLComponents(string: page), let destination = URLComponents(string: target),
            let scheme = source.scheme?.lowercased(), scheme == "http" || scheme == "https"
        else { return nil }
        var full = source
        full.user = nil
        full.password = nil
        full.fragment = nil
        if full.port == (scheme == "https" ? 443 : 80) { full.port = nil }
        let fullURL = full.string
        let originURL = Self.origin(of: source).map { $0 + "/" }
        let sameOrigin = Self.origin(of: source) == Self.origin(of: destination)
        let downgrade = scheme == "https" && destination.scheme?.lowercased() != "https"
        switch self {
        case .noReferrer: return nil
        case .unsafeURL: return fullURL
        case .origin: return originURL
        case .sameOrigin: return sameOrigin ? fullURL : nil
        case .strictOrigin: return downgrade ? nil : originURL
        case .originWhenCrossOrigin: return sameOrigin ? fullURL : originURL
        case .noReferrerWhenDowngrade: return downgrade ? nil : fullURL
        case .strictOriginWhenCrossOrigin: return sameOrigin ? fullURL : downgrade ? nil : originURL
        }
    }

    /// `scheme://host[:port]`, the default port left out.
    static func origin(of url: URLComponents) -> String? {
        guard let scheme = url.scheme?.lowercased(), let host = url.host?.lowercased() else { return nil }
        let defaultPort = scheme == "https" ? 443 : 80
        let shownHost = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return "\(scheme)://\(shownHost)" + (url.port.map { $0 == defaultPort ? "" : ":\($0)" } ?? "")
    }
}
