/// A mistake in a scenario file, pointing at the file, line, column and key, with the offending line
/// and a caret under the spot (like a compiler).
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    public var location: SourceLocation
    /// The key path of the offending entry, e.g. `steps[2].expect.status`.
    public var key: String
    public var message: String
    /// The text of the offending line, when the file could be read.
    public var sourceLine: String?

    public init(location: SourceLocation, key: String, message: String, sourceLine: String? = nil) {
        self.location = location
        self.key = key
        self.message = message
        self.sourceLine = sourceLine
    }

    public var description: String {
        var text = "\(location): error: \(key.isEmpty ? "" : "\(key): ")\(message)"
        if let sourceLine {
            let (shown, caretColumn) = Self.excerpt(of: sourceLine, around: max(0, location.column - 1))
            text += "\n    \(shown)\n    \(String(repeating: " ", count: caretColumn))^"
        }
        return text
    }

    /// At most `width` characters of a long line around `column`, with `…` where it was cut, and the
    /// caret's column in what is shown.
    static func excerpt(of line: String, around column: Int, width: Int = 120) -> (String, Int) {
        let characters = Array(line)
        guard characters.count > width else { return (line, column) }
        let start = max(0, min(column - width / 2, characters.count - width))
        let end = min(characters.count, start + width)
        let prefix = start > 0 ? "…" : ""
        let suffix = end < characters.count ? "…" : ""
        return (prefix + String(characters[start..<end]) + suffix, column - start + prefix.count)
    }
}

/// Every error found in a set of files, so `validate` can report them all at once.
public struct ScenarioErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [ScenarioError]

    public init(_ errors: [ScenarioError]) {
        self.errors = errors
    }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
