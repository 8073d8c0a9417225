import Foundation

/// The origin of an http or https URL (RFC 6454: scheme, host and port), which decides where the run's
/// credentials may go.
public struct Origin: Hashable, Sendable, CustomStringConvertible {
    public let scheme: String
    public let host: String
    public let port: Int

    /// The origin of `url`, or nil when it is not an absolute http or https URL with a host.
    public init?(url: String) {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            HTTPRequest.allowedSchemes.contains(scheme), let host = components.host?.lowercased(), !host.isEmpty
        else { return nil }
        self.scheme = scheme
        self.host = host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host
        port = components.port ?? Self.defaultPort(of: scheme)
    }

    /// `scheme://host[:port]`, the port left out when it is the scheme's default, as `--allow-origin` takes it.
    public var description: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return port == Self.defaultPort(of: scheme) ? "\(scheme)://\(shownHost)" : "\(scheme)://\(shownHost):\(port)"
    }

    /// Whether credentials meant for this origin may go to `other`: the same origin, or the same host moved
    /// from http on port 80 to https on port 443 — the upgrade a site makes with its first redirect, which
    /// only adds protection. The other way round (https to http) and any other port are other origins.
    public func admits(_ other: Origin) -> Bool {
        other == self
            || (scheme == "http" && port == 80 && other.scheme == "https" && other.port == 443 && other.host == host)
    }

    private static func defaultPort(of scheme: String) -> Int {
        scheme == "https" ? 443 : 80
    }
}
