import Foundation

/// A route named in a fault switch: `"/path"`, `"METHOD /path"`, or `"*"` for every path.
///
/// Paths are compared exactly (query strings are never part of them); a missing leading slash is added so
/// `"login"` and `"/login"` mean the same thing.
struct FaultRoute: Hashable, Sendable {
    let method: String?
    let path: String

    init(_ description: String) {
        let trimmed = description.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        if parts.count == 2 {
            method = parts[0].uppercased()
            path = FaultRoute.normalise(String(parts[1]).trimmingCharacters(in: .whitespaces))
        } else {
            method = nil
            path = FaultRoute.normalise(trimmed)
        }
    }

    func matches(method requestMethod: String, path requestPath: String) -> Bool {
        if let method, method != requestMethod { return false }
        return path == "*" || path == requestPath
    }

    private static func normalise(_ path: String) -> String {
        path == "*" || path.hasPrefix("/") ? path : "/" + path
    }
}
