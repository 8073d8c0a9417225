import Foundation

/// A compiled regular expression (ICU syntax, as NSRegularExpression) with its source text.
public struct RegexPattern: @unchecked Sendable, CustomStringConvertible {
    // NSRegularExpression is immutable after creation and documented as safe to share between threads.
    private let expression: NSRegularExpression
    public let source: String

    public init(_ source: String) throws(RegexSyntaxError) {
        self.init(expression: try Self.compile(source), source: source)
    }

    private init(expression: NSRegularExpression, source: String) {
        self.expression = expression
        self.source = source
    }

    /// Checks the syntax of `source` as it would compile, `shownAs` in the message (a templated pattern is
    /// checked with each placeholder as `x`); returns its number of capture groups.
    public static func check(_ source: String, shownAs shown: String) throws(RegexSyntaxError) -> Int {
        try compile(source, shownAs: shown).numberOfCaptureGroups
    }

    private static func compile(
        _ pattern: String, shownAs source: String? = nil
    ) throws(RegexSyntaxError) -> NSRegularExpression {
        do {
            return try NSRegularExpression(pattern: pattern)
        } catch {
            throw RegexSyntaxError(message: "invalid regular expression '\(source ?? pattern)'")
        }
    }

    public var numberOfCaptureGroups: Int { expression.numberOfCaptureGroups }

    /// Whether the pattern matches anywhere in `text`.
    public func matches(_ text: String) -> Bool {
        expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// The text of `group` in the first match, or nil when nothing matches.
    public func firstMatch(in text: String, group: Int) -> String? {
        guard let match = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            group <= match.numberOfRanges - 1,
            let range = Range(match.range(at: group), in: text)
        else { return nil }
        return String(text[range])
    }

    public var description: String { "/\(source)/" }
}

public struct RegexSyntaxError: Error, Sendable {
    public var message: String
}
