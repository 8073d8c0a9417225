/// Why a JSON text could not be parsed, and where.
public struct JSONParseError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What went wrong, e.g. "unexpected '}', expected a JSON value".
    public let message: String
    /// Zero-based byte offset into the input where the problem was detected.
    public let offset: Int
    /// One-based line number of `offset`.
    public let line: Int
    /// One-based column of `offset`, counted in bytes from the start of the line.
    public let column: Int

    public init(message: String, offset: Int, line: Int, column: Int) {
        self.message = message
        self.offset = offset
        self.line = line
        self.column = column
    }

    public var description: String {
        "\(message) at line \(line), column \(column) (byte offset \(offset))"
    }
}
