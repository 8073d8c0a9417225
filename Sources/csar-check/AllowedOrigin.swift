import ArgumentParser
import CSARCheck

/// Reads `--allow-origin` and `CSAR_ALLOW_ORIGINS`: origins written as `scheme://host[:port]`, nothing more
/// (a path would suggest only part of the host is trusted, which an origin cannot say).
enum AllowedOrigin {
    /// The variable listing extra origins, separated by commas or spaces, as the option would name them.
    static let environmentVariable = "CSAR_ALLOW_ORIGINS"

    static func parse(_ text: String) throws -> Origin {
        let trimmed = text.hasSuffix("/") ? String(text.dropLast()) : text
        let authority = trimmed.split(separator: "://", maxSplits: 1).dropFirst().first ?? ""
        guard let origin = Origin(url: trimmed), !authority.contains(where: { "/?#@".contains($0) })
        else {
            throw ValidationError(
                "--allow-origin '\(text)' is not an origin: write scheme://host[:port], e.g. https://pay.example")
        }
        return origin
    }

    /// The origins `CSAR_ALLOW_ORIGINS` lists in `environment`.
    static func fromEnvironment(_ environment: [String: String]) throws -> [Origin] {
        let listed = (environment[environmentVariable] ?? "").split { $0 == "," || $0 == " " }
        var origins: [Origin] = []
        for text in listed {
            do {
                origins.append(try parse(String(text)))
            } catch {
                throw CommandFailure(message: "\(environmentVariable): \(error)", verdict: .configurationError)
            }
        }
        return origins
    }
}
