import Foundation

/// An I-Regexp (RFC 9485), the interoperable regular expression subset used by JSONPath's `match` and `search`.
///
/// The pattern is checked against the I-Regexp grammar and rewritten into ICU syntax for `NSRegularExpression`,
/// because the two dialects differ: in I-Regexp `.` excludes only `\n` and `\r`, there are no backreferences,
/// lazy quantifiers or multi-character escapes, and `&&` or `[:` inside a class are literal.
struct IRegexp: Sendable {
    /// Identifies a compiled pattern; whole-string and substring forms compile differently.
    struct Key: Hashable, Sendable {
        let pattern: ExactString
        let wholeString: Bool

        init(pattern: String, wholeString: Bool) {
            self.pattern = ExactString(pattern)
            self.wholeString = wholeString
        }
    }

    /// `nil` when the pattern is not a valid I-Regexp; RFC 9535 makes match and search false in that case.
    private let regex: NSRegularExpression?

    /// Compiles `pattern`; `wholeString` anchors it at both ends (for `match`), otherwise it may match anywhere
    /// (for `search`).
    init(_ pattern: String, wholeString: Bool) {
        guard let translated = IRegexpTranslator.translate(pattern) else {
            regex = nil
            return
        }
        // \A and \z rather than ^ and $: ICU's $ also matches before a trailing newline.
        let icuPattern = wholeString ? "\\A(?:\(translated))\\z" : translated
        regex = try? NSRegularExpression(pattern: icuPattern)
    }

    var isValid: Bool { regex != nil }

    func matches(_ subject: String) -> Bool {
        guard let regex else { return false }
        let range = NSRange(location: 0, length: subject.utf16.count)
        return regex.firstMatch(in: subject, range: range) != nil
    }
}

/// Parses an I-Regexp by its RFC 9485 ABNF and writes the equivalent ICU pattern.
private struct IRegexpTranslator {
    private struct InvalidPattern: Error {}

    /// Bounds recursion on hostile patterns taken from documents.
    private static let maxGroupDepth = 100

    private let scalars: [Unicode.Scalar]
    private var position = 0
    private var groupDepth = 0
    private var output = ""

    /// The ICU equivalent of `pattern`, or `nil` if it is not a valid I-Regexp.
    static func translate(_ pattern: String) -> String? {
        var translator = IRegexpTranslator(scalars: Array(pattern.unicodeScalars))
        do throws(InvalidPattern) {
            try translator.regexp()
            guard translator.position == translator.scalars.count else { return nil }
            return translator.output
        } catch {
            return nil
        }
    }

    private init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    // i-regexp = branch *( "|" branch )
    private mutating func regexp() throws(InvalidPattern) {
        try branch()
        while consume("|") {
            output += "|"
            try branch()
        }
    }

    // branch = *piece
    private mutating func branch() throws(InvalidPattern) {
        while let next = peek(), next != "|", next != ")" {
            try atom()
            try quantifier()
        }
    }

    // atom = NormalChar / charClass / ( "(" i-regexp ")" )
    private mutating func atom() throws(InvalidPattern) {
        guard let scalar = peek() else { throw InvalidPattern() }
        switch scalar {
        case "(":
            position += 1
            groupDepth += 1
            guard groupDepth <= Self.maxGroupDepth else { throw InvalidPattern() }
            output += "(?:"
            try regexp()
            guard consume(")") else { throw InvalidPattern() }
            output += ")"
            groupDepth -= 1
        case ".":
            position += 1
            output += "[^\\n\\r]"
        case "^", "$":
            // RFC 9485's grammar makes these ordinary characters, but its own translation recipes (§5) leave them
            // as anchors, and so do the common implementations and the JSONPath compliance suite: `^` and `$` match
            // at the start and end of the string (ECMAScript semantics, hence \z and not ICU's `$`).
            position += 1
            output += scalar == "^" ? "\\A" : "\\z"
        case "[":
            try characterClassExpression()
        case "\\":
            try escape(allowCategories: true)
        case ")", "*", "+", "?", "]", "{", "|", "}":
            throw InvalidPattern()
        default:
            position += 1
            appendLiteral(scalar)
        }
    }

    // quantifier = ( "*" / "+" / "?" ) / "{" QuantExact [ "," [ QuantExact ] ] "}"
    private mutating func quantifier() throws(InvalidPattern) {
        guard let scalar = peek() else { return }
        switch scalar {
        case "*", "+", "?":
            position += 1
            output.unicodeScalars.append(scalar)
        case "{":
            position += 1
            let minimum = try digits()
            var maximum: String?
            let hasComma = consume(",")
            if hasComma, peek() != "}" {
                maximum = try digits()
            }
            guard consume("}") else { throw InvalidPattern() }
            output += "{\(minimum)\(hasComma ? "," : "")\(maximum ?? "")}"
        default:
            return
        }
    }

    private mutating func digits() throws(InvalidPattern) -> String {
        var text = ""
        while let scalar = peek(), ("0"..."9").contains(scalar) {
            text.unicodeScalars.append(scalar)
            position += 1
        }
        guard !text.isEmpty else { throw InvalidPattern() }
        return text
    }

    // charClassExpr = "[" [ "^" ] ( "-" / CCE1 ) *CCE1 [ "-" ] "]"
    // CCE1 = ( CCchar [ "-" CCchar ] ) / charClassEsc
    private mutating func characterClassExpression() throws(InvalidPattern) {
        position += 1
        output += consume("^") ? "[^" : "["
        var isFirst = true
        while true {
            guard let scalar = peek() else { throw InvalidPattern() }
            if scalar == "]" {
                guard !isFirst else { throw InvalidPattern() }
                position += 1
                output += "]"
                return
            }
            if scalar == "-" {
                // A literal '-' may only open or close the class.
                guard isFirst || peek(offset: 1) == "]" else { throw InvalidPattern() }
                position += 1
                appendLiteral("-")
                isFirst = false
                continue
            }
            isFirst = false
            if scalar == "\\", let next = peek(offset: 1), next == "p" || next == "P" {
                try escape(allowCategories: true)
                continue
            }
            try classCharacter()
            if peek() == "-", let next = peek(offset: 1), next != "]" {
                position += 1
                output += "-"
                try classCharacter()
            }
        }
    }

    // CCchar = ( %x00-2C / %x2E-5A / %x5E-10FFFF ) / SingleCharEsc
    private mutating func classCharacter() throws(InvalidPattern) {
        guard let scalar = peek() else { throw InvalidPattern() }
        switch scalar {
        case "\\":
            try escape(allowCategories: false)
        case "-", "[", "]":
            throw InvalidPattern()
        default:
            position += 1
            appendLiteral(scalar)
        }
    }

    // SingleCharEsc / catEsc / complEsc. Multi-character escapes such as \d and \w are not part of I-Regexp.
    private mutating func escape(allowCategories: Bool) throws(InvalidPattern) {
        position += 1
        guard let scalar = peek() else { throw InvalidPattern() }
        position += 1
        switch scalar {
        case "n":
            output += "\\n"
        case "r":
            output += "\\r"
        case "t":
            output += "\\t"
        case "(", ")", "*", "+", "-", ".", "?", "[", "\\", "]", "^", "{", "|", "}":
            appendLiteral(scalar)
        case "p", "P":
            guard allowCategories, consume("{") else { throw InvalidPattern() }
            let category = try categoryName()
            guard consume("}") else { throw InvalidPattern() }
            output += "\\\(scalar){\(category)}"
        default:
            throw InvalidPattern()
        }
    }

    // IsCategory: a general category letter, optionally followed by one of its subcategory letters.
    private mutating func categoryName() throws(InvalidPattern) -> String {
        let subcategories: [Unicode.Scalar: String] = [
            "L": "lmotu", "M": "cen", "N": "dlo", "P": "cdefios", "Z": "lps", "S": "ckmo", "C": "cfno",
        ]
        guard let major = peek(), let allowed = subcategories[major] else { throw InvalidPattern() }
        position += 1
        var name = String(major)
        if let minor = peek(), allowed.unicodeScalars.contains(minor) {
            position += 1
            name.unicodeScalars.append(minor)
        }
        return name
    }

    /// Writes a character to match literally. Anything but ASCII letters and digits is written as a hex escape,
    /// so no character can take on an ICU meaning that I-Regexp does not give it (`^`, `$`, `&&`, `[:` ...).
    private mutating func appendLiteral(_ scalar: Unicode.Scalar) {
        if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
            output.unicodeScalars.append(scalar)
        } else {
            output += "\\x{\(String(scalar.value, radix: 16))}"
        }
    }

    private func peek(offset: Int = 0) -> Unicode.Scalar? {
        position + offset < scalars.count ? scalars[position + offset] : nil
    }

    private mutating func consume(_ scalar: Unicode.Scalar) -> Bool {
        guard peek() == scalar else { return false }
        position += 1
        return true
    }
}
