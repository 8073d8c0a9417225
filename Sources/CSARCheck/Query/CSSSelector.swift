/// A CSS selector of the common kind — `form#login`, `form[action$="/login"]`, `.card > form`,
/// `main form.search, #login` — translated to XPath 1.0 (as lxml's cssselect does) so libxml2 can apply it.
///
/// Supported: type and `*`, `#id`, `.class`, `[attr]`, `[attr=v]`, `~=`, `|=`, `^=`, `$=`, `*=`, the
/// descendant, `>`, `+` and `~` combinators, and `,` lists. Pseudo-classes are not: use an XPath instead.
struct CSSSelector: Sendable, Equatable {
    let source: String
    /// The equivalent XPath, relative to the document node.
    let xpath: String

    init(parsing source: String) throws(CSSSelectorError) {
        self.source = source
        var parser = CSSSelectorParser(source)
        xpath = try parser.selectorList()
    }
}

/// Why a selector could not be read, with the 1-based character position of the problem.
struct CSSSelectorError: Error, Sendable, Equatable, CustomStringConvertible {
    var message: String
    var position: Int

    var description: String { "\(message) at character \(position)" }
}

/// A recursive-descent reader over the selector's characters, writing XPath as it goes.
private struct CSSSelectorParser {
    private let characters: [Character]
    private var offset = 0

    init(_ source: String) {
        characters = Array(source)
    }

    mutating func selectorList() throws(CSSSelectorError) -> String {
        var alternatives = [try complexSelector()]
        while peek == "," {
            offset += 1
            alternatives.append(try complexSelector())
        }
        skipSpaces()
        if let character = peek { throw error("unexpected '\(character)'") }
        return alternatives.joined(separator: " | ")
    }

    private mutating func complexSelector() throws(CSSSelectorError) -> String {
        skipSpaces()
        var xpath = "descendant-or-self::" + (try compoundSelector())
        while true {
            let hadSpace = skipSpaces()
            guard let next = peek, next != "," else { return xpath }
            let combinator: Character
            if ">+~".contains(next) {
                combinator = next
                offset += 1
                skipSpaces()
            } else if hadSpace {
                combinator = " "
            } else {
                throw error("unexpected '\(next)'")
            }
            let compound = try compoundSelector()
            switch combinator {
            case ">": xpath += "/" + compound
            case "+": xpath += "/following-sibling::*[1]/self::" + compound
            case "~": xpath += "/following-sibling::" + compound
            default: xpath += "/descendant::" + compound
            }
        }
    }

    /// `type#id.class[attr]…` as `type[conditions]`.
    private mutating func compoundSelector() throws(CSSSelectorError) -> String {
        var element = "*"
        var hasTypeOrStar = true
        if peek == "*" {
            offset += 1
        } else if let character = peek, Self.startsIdentifier(character) {
            element = try identifier().lowercased()
        } else {
            hasTypeOrStar = false
        }
        var conditions: [String] = []
        loop: while let character = peek {
            switch character {
            case "#":
                offset += 1
                conditions.append("@id = \(XPathLiteral.quote(try identifier()))")
            case ".":
                offset += 1
                conditions.append(Self.containsWord("@class", try identifier()))
            case "[":
                offset += 1
                conditions.append(try attributeCondition())
            case ":":
                throw error("pseudo-classes are not supported; use an XPath")
            default:
                break loop
            }
        }
        guard hasTypeOrStar || !conditions.isEmpty else {
            throw error(peek.map { "expected a selector, found '\($0)'" } ?? "expected a selector")
        }
        return element + conditions.map { "[\($0)]" }.joined()
    }

    /// `[name]`, `[name=value]`, `[name~=value]`, … with the value quoted or bare.
    private mutating func attributeCondition() throws(CSSSelectorError) -> String {
        skipSpaces()
        let attribute = "@" + (try identifier()).lowercased()
        skipSpaces()
        if peek == "]" {
            offset += 1
            return attribute
        }
        var op = ""
        if let character = peek, "~|^$*".contains(character) {
            op.append(character)
            offset += 1
        }
        guard peek == "=" else { throw error("expected '=', '~=', '|=', '^=', '$=', '*=' or ']'") }
        offset += 1
        skipSpaces()
        let value = try attributeValue()
        skipSpaces()
        guard peek == "]" else { throw error("expected ']'") }
        offset += 1
        let literal = XPathLiteral.quote(value)
        switch op {
        case "~": return Self.containsWord(attribute, value)
        case "|": return "\(attribute) = \(literal) or starts-with(\(attribute), \(XPathLiteral.quote(value + "-")))"
        // CSS: an empty value for ^=, $= and *= matches nothing.
        case "^": return value.isEmpty ? "false()" : "starts-with(\(attribute), \(literal))"
        case "$":
            return value.isEmpty
                ? "false()"
                : "substring(\(attribute), string-length(\(attribute)) - \(value.count) + 1) = \(literal)"
        case "*": return value.isEmpty ? "false()" : "contains(\(attribute), \(literal))"
        default: return "\(attribute) = \(literal)"
        }
    }

    private mutating func attributeValue() throws(CSSSelectorError) -> String {
        guard let quote = peek, quote == "\"" || quote == "'" else { return try identifier() }
        offset += 1
        var value = ""
        while let character = peek, character != quote {
            offset += 1
            if character == "\\", let escaped = peek {
                offset += 1
                value.append(escaped)
            } else {
                value.append(character)
            }
        }
        guard peek == quote else { throw error("unclosed string") }
        offset += 1
        return value
    }

    private mutating func identifier() throws(CSSSelectorError) -> String {
        var name = ""
        while let character = peek, Self.isIdentifier(character) || character == "\\" {
            offset += 1
            if character == "\\" {
                guard let escaped = peek else { throw error("'\\' at the end") }
                offset += 1
                name.append(escaped)
            } else {
                name.append(character)
            }
        }
        guard !name.isEmpty else {
            throw error(peek.map { "expected a name, found '\($0)'" } ?? "expected a name at the end")
        }
        return name
    }

    private var peek: Character? { offset < characters.count ? characters[offset] : nil }

    @discardableResult
    private mutating func skipSpaces() -> Bool {
        let start = offset
        while let character = peek, character.isWhitespace { offset += 1 }
        return offset > start
    }

    private func error(_ message: String) -> CSSSelectorError {
        CSSSelectorError(message: message, position: offset + 1)
    }

    private static func startsIdentifier(_ character: Character) -> Bool {
        character.isLetter || character == "_" || character == "-" || character == "\\"
    }

    private static func isIdentifier(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_" || character == "-"
    }

    /// Whitespace-separated word membership, as `.class` and `~=` mean.
    private static func containsWord(_ attribute: String, _ word: String) -> String {
        "contains(concat(' ', normalize-space(\(attribute)), ' '), \(XPathLiteral.quote(" \(word) ")))"
    }
}
