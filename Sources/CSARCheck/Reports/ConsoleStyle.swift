import Foundation

/// ANSI colour for terminal output: only on a TTY, never when `NO_COLOR` is set (no-color.org).
public struct ConsoleStyle: Sendable {
    public let colored: Bool

    public init(colored: Bool) {
        self.colored = colored
    }

    /// Decides for standard output from the environment.
    public static func forStandardOutput(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> ConsoleStyle {
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return ConsoleStyle(colored: isatty(STDOUT_FILENO) == 1 && !noColor && environment["TERM"] != "dumb")
    }

    public func green(_ text: String) -> String { paint(text, "32") }
    public func red(_ text: String) -> String { paint(text, "31") }
    public func yellow(_ text: String) -> String { paint(text, "33") }
    public func dim(_ text: String) -> String { paint(text, "2") }
    public func bold(_ text: String) -> String { paint(text, "1") }

    private func paint(_ text: String, _ code: String) -> String {
        colored ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
