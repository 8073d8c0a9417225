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
            let caretColumn = max(0, location.column - 1)
            text += "\n    \(sourceLine)\n    \(String(repeating: " ", count: caretColumn))^"
        }
        return text
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
