import Foundation

/// Watches the hops of a transfer that follows redirects and refuses the first one that leaves the allowed
/// origins: the header callback aborts the transfer at that `Location`, before libcurl sends anything to it.
/// (libcurl would re-send custom headers such as `X-XSRF-TOKEN` to any host, and a 307 or 308 re-posts
/// the body there.)
final class RedirectConfinement {
    private let allowed: [Origin]
    /// The URL that answered the hop being read; a relative `Location` is resolved against it.
    private var current: String
    private var status = 0
    /// The absolute URL of the redirect that was not followed.
    private(set) var refusedLocation: String?

    init(requestURL: String, allowed: [Origin]) {
        current = requestURL
        self.allowed = allowed
    }

    /// Notes the status of the hop whose header block begins with `line` (`HTTP/1.1 307 Temporary Redirect`).
    func startHop(statusLine line: String) {
        let fields = line.split(separator: " ")
        status = fields.count > 1 ? Int(fields[1]) ?? 0 : 0
    }

    /// False when `name: value` is a redirect's `Location` outside the allowed origins: the transfer must stop.
    /// A `Location` that is not http or https is left to libcurl, which refuses to follow it.
    func permits(headerName name: String, value: String) -> Bool {
        guard (300...399).contains(status), status != 304, name.caseInsensitiveEquals("Location"),
            let target = URL(string: value, relativeTo: URL(string: current))?.absoluteURL.absoluteString,
            let origin = Origin(url: target)
        else { return true }
        if allowed.contains(where: { $0.admits(origin) }) {
            current = target
            return true
        }
        refusedLocation = target
        return false
    }
}
