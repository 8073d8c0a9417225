import Foundation

/// Why a history file could not be opened, read or written: the file, what went wrong, what to do.
public struct HistoryError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var message: String

    public init(path: String, _ message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
