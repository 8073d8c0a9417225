import Foundation

/// A compiled regular expression (ICU syntax, as NSRegularExpression) with its source text.
public struct RegexPattern: @unchecked Sendable, CustomStringConvertible {
    // NSRegularExpression is immutable after creation and documented as safe to share between threads.
    private let expression: NSRegularExpression
    public let source: String

    public init(_ source: String) throws(RegexSyntaxError) {
        do {
            expression = try NSRegularExpression(pattern: source)
        } catch {
            throw RegexSyntaxError(message: "invalid regular expression '\(source)'")
        }
        self.source = source
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
