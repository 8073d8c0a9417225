import Foundation

/// Why ``DemoFaults/apply(spec:)`` rejected a fault specification.
public struct DemoFaultSpecError: Error, Equatable, CustomStringConvertible {
    /// The specification as given.
    public let spec: String
    /// What is wrong with it, in words fit for a command-line error.
    public let reason: String

    public var description: String { "invalid fault '\(spec)': \(reason)" }
}

extension DemoFaults {
    /// The grammar accepted by ``apply(spec:)``, formatted for command-line help.
    public static let specSyntax = """
        500:/path  500:METHOD /path  500:*    answer 500 on a route (adds to the list); 500:off clears the list
        latency:/path=MS  latency:METHOD /path=MS    add MS milliseconds of delay (0 removes it); latency:off clears
        warehouses:healthy|broken-json|empty|outside-senegal|duplicate-ids|non-numeric-coordinates
        csrf:off  csrf:on                      disable / restore CSRF verification
        maintenance:on  maintenance:SECRET  maintenance:off    php artisan down [--secret=SECRET] / php artisan up
        throttle:api=N  throttle:api=default   throttle:api allows N requests a minute per client (default 60)
        reset                                  turn every fault off
        """

    /// Applies one fault written as text, e.g. `500:/api/warehouses`, `500:POST /login`, `latency:/=2500`,
    /// `warehouses:broken-json`, `csrf:off`, `maintenance:on`, `maintenance:SECRET` or `throttle:api=10`.
    ///
    /// See ``specSyntax`` for the full grammar. Faults accumulate: applying `500:/a` then `500:/b` breaks both.
    /// - Throws: ``DemoFaultSpecError`` when the text does not follow the grammar; no switch is changed then.
    public func apply(spec: String) throws {
        let trimmed = spec.trimmingCharacters(in: .whitespaces)
        func failure(_ reason: String) -> DemoFaultSpecError { DemoFaultSpecError(spec: spec, reason: reason) }

        if trimmed.lowercased() == "reset" {
            reset()
            return
        }
        guard let colon = trimmed.firstIndex(of: ":") else { throw failure("expected KIND:VALUE") }
        let kind = trimmed[..<colon].lowercased()
        let value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty else { throw failure("missing value after '\(kind):'") }

        switch kind {
        case "500":
            if value.lowercased() == "off" {
                serverErrorPaths = []
            } else {
                let route = try Self.validatedRoute(value, failure: failure)
                serverErrorPaths.insert(route)
            }
        case "latency":
            try applyLatency(value, failure: failure)
        case "warehouses":
            guard let mode = DemoWarehouseFault(rawValue: value.lowercased()) else {
                let names = DemoWarehouseFault.allCases.map(\.rawValue).joined(separator: ", ")
                throw failure("unknown warehouses mode; expected one of \(names)")
            }
            warehouses = mode
        case "csrf":
            switch value.lowercased() {
            case "off": csrfDisabled = true
            case "on": csrfDisabled = false
            default: throw failure("expected csrf:off or csrf:on")
            }
        case "maintenance":
            maintenance = try Self.maintenanceMode(value, failure: failure)
        case "throttle":
            apiRequestsPerMinute = try Self.apiLimit(value, failure: failure)
        default:
            throw failure(
                "unknown fault kind '\(kind)'; expected 500, latency, warehouses, csrf, maintenance, throttle or reset")
        }
    }

    private func applyLatency(_ value: String, failure: (String) -> DemoFaultSpecError) throws {
        if value.lowercased() == "off" {
            latency = [:]
            return
        }
        guard let equals = value.lastIndex(of: "=") else { throw failure("expected latency:/path=MILLISECONDS") }
        let route = try Self.validatedRoute(String(value[..<equals]), failure: failure)
        let amount = value[value.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        // Ten minutes is far beyond any client timeout, so a larger number can only be a typo.
        guard let milliseconds = Int(amount), (0...600_000).contains(milliseconds) else {
            throw failure("latency must be a whole number of milliseconds between 0 and 600000")
        }
        latency[route] = milliseconds == 0 ? nil : milliseconds
    }

    /// Checks a route written as `/path`, `METHOD /path` or `*`, and returns it trimmed, method upper-cased.
    private static func validatedRoute(
        _ text: String,
        failure: (String) -> DemoFaultSpecError
    ) throws -> String {
        let route = text.trimmingCharacters(in: .whitespaces)
        let parts = route.split(separator: " ", omittingEmptySubsequences: true)
        guard let path = parts.last, parts.count <= 2 else { throw failure("expected /path or METHOD /path") }
        if parts.count == 2, !parts[0].allSatisfy({ $0.isASCII && $0.isLetter }) {
            throw failure("HTTP method must be letters only, e.g. POST")
        }
        guard path == "*" || path.hasPrefix("/") else { throw failure("path must start with '/' (or be '*')") }
        guard path.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F }) else {
            throw failure("path must not contain control characters")
        }
        return parts.count == 2 ? "\(parts[0].uppercased()) \(path)" : String(path)
    }

    /// `api=N` (1 to 100000 requests a minute) or `api=default` (the configured limit: `nil`).
    private static func apiLimit(_ value: String, failure: (String) -> DemoFaultSpecError) throws -> Int? {
        let parts = value.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, parts[0] == "api" else {
            throw failure("expected throttle:api=N or throttle:api=default")
        }
        if parts[1].lowercased() == "default" { return nil }
        guard let limit = Int(parts[1]), (1...100_000).contains(limit) else {
            throw failure("the api limit must be a whole number of requests a minute between 1 and 100000")
        }
        return limit
    }

    /// URL-safe characters: the secret becomes a path segment (`GET /{secret}`).
    private static let secretCharacters = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~")

    private static func maintenanceMode(
        _ value: String,
        failure: (String) -> DemoFaultSpecError
    ) throws -> DemoMaintenanceMode {
        switch value.lowercased() {
        case "on": return .on(secret: nil)
        case "off": return .off
        default:
            guard value.allSatisfy(secretCharacters.contains) else {
                throw failure("maintenance secret may only contain letters, digits, '-', '_', '.' and '~'")
            }
            return .on(secret: value)
        }
    }
}
