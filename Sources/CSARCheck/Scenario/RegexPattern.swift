import Foundation

/// A compiled regular expression (ICU syntax, as NSRegularExpression) with its source text.
public struct RegexPattern: @unchecked Sendable, CustomStringConvertible {
    // NSRegularExpression is immutable after creation and documented as safe to share between threads.
    private let expression: NSRegularExpression
    public let source: String
    /// Set when the source holds `{{ variables }}`: the pattern is compiled again once they are rendered
    /// (their values are inserted as regular-expression text, not escaped).
    public let template: Template?

    public init(_ source: String) throws(RegexSyntaxError) {
        self.init(expression: try Self.compile(source), source: source, template: nil)
    }

    private init(expression: NSRegularExpression, source: String, template: Template?) {
        self.expression = expression
        self.source = source
        self.template = template
    }

    /// A pattern that may hold placeholders; its syntax is checked now with each placeholder as `x`.
    public init(templated source: String) throws(RegexSyntaxError) {
        let parsed: Template
        do {
            parsed = try Template(parsing: source)
        } catch {
            throw RegexSyntaxError(message: error.message)
        }
        let probe = parsed.parts.map { part in
            if case .literal(let text) = part { text } else { "x" }
        }.joined()
        let hasVariables = !parsed.variableNames.isEmpty
        self.init(
            expression: try Self.compile(probe, shownAs: source), source: source, template: hasVariables ? parsed : nil)
    }

    /// The pattern with its variables rendered, or nil when one is undefined or the result does not compile.
    public func resolved(_ render: (Template) throws(UndefinedVariable) -> String) -> RegexPattern? {
        guard let template else { return self }
        guard let text = try? render(template) else { return nil }
        return try? RegexPattern(text)
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
