/// Compiles RFC 9535 query text into a `JSONPath.Query`. This file covers queries, segments, selectors and
/// literals; filter expressions and their type rules are in JSONPathFilterParser.swift.
///
/// The parser works on Unicode scalars because the RFC's grammar is defined over code points, and reports
/// error offsets in the same unit.
struct JSONPathParser {
    typealias Query = JSONPath.Query
    typealias Segment = JSONPath.Segment
    typealias Selector = JSONPath.Selector

    /// Indices and slice bounds must be I-JSON integers (RFC 9535 §2.1).
    private static let maxInteger = 9_007_199_254_740_991

    let expression: String
    let scalars: [Unicode.Scalar]
    var position = 0
    /// Depth of nested filter expressions, bounded so that hostile input cannot overflow the stack.
    var nesting = 0
    /// Regular expressions written as string literals, compiled once here rather than on every evaluation.
    var regexes: [IRegexp.Key: IRegexp] = [:]

    private init(_ expression: String) {
        self.expression = expression
        scalars = Array(expression.unicodeScalars)
    }

    static func parse(
        _ expression: String
    ) throws(JSONPathError)
        -> (query: Query, regexes: [IRegexp.Key: IRegexp])
    {
        var parser = JSONPathParser(expression)
        let query = try parser.parseRootQuery()
        return (query, parser.regexes)
    }

    // MARK: - Queries and segments

    private mutating func parseRootQuery() throws(JSONPathError) -> Query {
        guard let first = peek() else {
            throw error("empty expression; a JSONPath query starts with '$'")
        }
        guard first == "$" else {
            if isWhitespace(first) {
                throw error("leading whitespace is not allowed")
            }
            if first == "@" {
                throw error("'@' (the current node) is only allowed inside a filter; a query starts with '$'")
            }
            throw error("unexpected \(describe(first)); a JSONPath query starts with '$', e.g. $.items[0]")
        }
        position += 1
        let query = Query(root: .document, segments: try parseSegments())
        if position < scalars.count {
            let end = position
            skipWhitespace()
            if position == scalars.count {
                throw error("trailing whitespace is not allowed", at: end)
            }
            throw unexpected(expected: "'.', '..' or '[' to start a segment")
        }
        return query
    }

    /// Parses segments until the next character cannot start one; whitespace is allowed between segments.
    mutating func parseSegments() throws(JSONPathError) -> [Segment] {
        var segments: [Segment] = []
        while true {
            let start = position
            skipWhitespace()
            guard let next = peek(), next == "." || next == "[" else {
                // The whitespace may belong to what follows the query, e.g. `@.a == 1`.
                position = start
                return segments
            }
            segments.append(try parseSegment())
        }
    }

    private mutating func parseSegment() throws(JSONPathError) -> Segment {
        if peek() == "[" {
            return Segment(isDescendant: false, selectors: try parseBracketedSelection())
        }
        position += 1
        if consume(".") {
            return Segment(isDescendant: true, selectors: try parseDescendantSelection())
        }
        guard let next = peek() else {
            throw unexpected(expected: "a member name or '*' after '.'")
        }
        if consume("*") {
            return Segment(isDescendant: false, selectors: [.wildcard])
        }
        if isNameFirst(next) {
            return Segment(isDescendant: false, selectors: [.name(parseMemberName())])
        }
        if isDigit(next) {
            let token = unquotedName()
            let indexHint = token.unicodeScalars.allSatisfy(isDigit) ? "[\(token)] for an array index or " : ""
            throw error("a member name after '.' cannot start with a digit; use \(indexHint)['\(token)'] for a name")
        }
        if next == "'" || next == "\"" {
            throw error("quoted names need brackets, e.g. ['name'] instead of .'name'")
        }
        throw unexpected(expected: "a member name or '*' after '.'")
    }

    /// What follows `..`: a bracketed selection, `*` or a member name.
    private mutating func parseDescendantSelection() throws(JSONPathError) -> [Selector] {
        guard let next = peek() else {
            throw unexpected(expected: "a member name, '*' or '[' after '..'")
        }
        if next == "[" {
            return try parseBracketedSelection()
        }
        if consume("*") {
            return [.wildcard]
        }
        if isNameFirst(next) {
            return [.name(parseMemberName())]
        }
        throw unexpected(expected: "a member name, '*' or '[' after '..'")
    }

    /// member-name-shorthand: a letter, `_` or non-ASCII character, then also digits.
    private mutating func parseMemberName() -> String {
        var name = String.UnicodeScalarView()
        while let next = peek(), isNameFirst(next) || isDigit(next) {
            name.append(next)
            position += 1
        }
        return String(name)
    }

    private func isNameFirst(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_" || scalar.value >= 0x80
    }

    // MARK: - Selectors

    /// `[` selector *(`,` selector) `]`, with whitespace allowed around each selector.
    private mutating func parseBracketedSelection() throws(JSONPathError) -> [Selector] {
        position += 1
        skipWhitespace()
        if peek() == "]" {
            throw error("empty brackets; expected a selector such as ['name'], [0], [*], [1:3] or [?@.a]")
        }
        var selectors = [try parseSelector()]
        while true {
            skipWhitespace()
            if consume("]") {
                return selectors
            }
            guard consume(",") else {
                throw unexpected(expected: "',' or ']'")
            }
            skipWhitespace()
            selectors.append(try parseSelector())
        }
    }

    private mutating func parseSelector() throws(JSONPathError) -> Selector {
        guard let next = peek() else {
            throw unexpected(expected: "a selector")
        }
        switch next {
        case "'", "\"":
            return .name(try parseStringLiteral())
        case "*":
            position += 1
            return .wildcard
        case "?":
            position += 1
            skipWhitespace()
            return .filter(try parseFilterCondition())
        case ":":
            return try parseSlice(start: nil)
        case "-", "0"..."9":
            let index = try parseInteger()
            let afterIndex = position
            skipWhitespace()
            if peek() == ":" {
                return try parseSlice(start: index)
            }
            position = afterIndex
            return .index(index)
        default:
            if isNameFirst(next) {
                throw error("member names in brackets must be quoted, e.g. ['\(unquotedName())']")
            }
            if next == "@" || next == "$" {
                throw error("a query in brackets must be a filter starting with '?', e.g. [?@.price < 10]")
            }
            throw unexpected(expected: "a selector (a quoted name, '*', an index, a slice or a filter)")
        }
    }

    /// The unquoted name (or number) at the current position, for suggesting a valid form in an error message.
    private func unquotedName() -> String {
        var name = String.UnicodeScalarView()
        for scalar in scalars[position...] {
            guard isNameFirst(scalar) || isDigit(scalar) else { break }
            name.append(scalar)
        }
        return String(name)
    }

    /// `start:end:step` from the first colon on; each part is optional.
    private mutating func parseSlice(start: Int?) throws(JSONPathError) -> Selector {
        position += 1
        skipWhitespace()
        let end = isIntegerStart(peek()) ? try parseInteger() : nil
        skipWhitespace()
        var step: Int?
        if consume(":") {
            skipWhitespace()
            step = isIntegerStart(peek()) ? try parseInteger() : nil
        }
        return .slice(start: start, end: end, step: step)
    }

    private func isIntegerStart(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return scalar == "-" || isDigit(scalar)
    }

    /// An index or slice bound: `0` or an optionally negative integer without leading zeros.
    private mutating func parseInteger() throws(JSONPathError) -> Int {
        let start = position
        let isNegative = consume("-")
        guard let first = peek(), isDigit(first) else {
            throw unexpected(expected: "a digit after '-'")
        }
        if first == "0" {
            position += 1
            if let next = peek(), isDigit(next) {
                throw error("leading zeros are not allowed in integers", at: start)
            }
            if isNegative {
                throw error("'-0' is not a valid integer; use 0", at: start)
            }
            return 0
        }
        var magnitude = 0
        var isTooLarge = false
        while let next = peek(), isDigit(next) {
            position += 1
            // Stop accumulating once out of range so that long digit strings cannot overflow `Int`.
            if !isTooLarge {
                magnitude = magnitude * 10 + Int(next.value - 0x30)
                isTooLarge = magnitude > Self.maxInteger
            }
        }
        if isTooLarge {
            throw error(
                "integer out of range; indices and slice bounds must be within ±\(Self.maxInteger)",
                at: start)
        }
        return isNegative ? -magnitude : magnitude
    }

    // MARK: - Literals

    /// A string literal in single or double quotes, used for name selectors and filter literals.
    mutating func parseStringLiteral() throws(JSONPathError) -> String {
        let start = position
        let quote = scalars[position]
        position += 1
        var value = String.UnicodeScalarView()
        while let scalar = peek() {
            position += 1
            switch scalar {
            case quote:
                return String(value)
            case "\\":
                value.append(try parseEscape(quote: quote))
            case "\u{00}"..."\u{1F}":
                throw error("\(describe(scalar)) must be escaped in a string literal", at: position - 1)
            default:
                value.append(scalar)
            }
        }
        throw error("unterminated string literal; missing closing \(quote)", at: start)
    }

    /// The character an escape sequence stands for; `position` is just past the backslash.
    private mutating func parseEscape(quote: Unicode.Scalar) throws(JSONPathError) -> Unicode.Scalar {
        let escapeStart = position - 1
        guard let scalar = peek() else {
            throw unexpected(expected: "an escaped character after '\\'")
        }
        position += 1
        switch scalar {
        case "b": return "\u{08}"
        case "f": return "\u{0C}"
        case "n": return "\n"
        case "r": return "\r"
        case "t": return "\t"
        case "/", "\\", quote: return scalar
        case "u": return try parseUnicodeEscape(escapeStart: escapeStart)
        case "'", "\"":
            let kind = quote == "'" ? "single" : "double"
            throw error(
                "\\\(scalar) is not a valid escape in a \(kind)-quoted string; write \(scalar) unescaped",
                at: escapeStart)
        default:
            throw error("invalid escape sequence '\\\(describeRaw(scalar))' in string literal", at: escapeStart)
        }
    }

    /// `\uXXXX`, where a high surrogate must be followed by a `\uXXXX` low surrogate.
    private mutating func parseUnicodeEscape(escapeStart: Int) throws(JSONPathError) -> Unicode.Scalar {
        let unit = try parseHex4(escapeStart: escapeStart)
        switch UnicodeEscape.classify(unit) {
        case .scalar(let scalar):
            return scalar
        case .loneLowSurrogate:
            throw error("unpaired low surrogate \\u\(UnicodeEscape.hex4(unit))", at: escapeStart)
        case .highSurrogate:
            let unpaired =
                "high surrogate \\u\(UnicodeEscape.hex4(unit)) must be followed by a low surrogate escape \\uDC00-\\uDFFF"
            guard consume("\\"), consume("u"),
                let scalar = UnicodeEscape.pair(high: unit, low: try parseHex4(escapeStart: escapeStart))
            else {
                throw error(unpaired, at: escapeStart)
            }
            return scalar
        }
    }

    private mutating func parseHex4(escapeStart: Int) throws(JSONPathError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let scalar = peek(), let digit = UnicodeEscape.hexValue(scalar.value) else {
                throw error("invalid \\u escape; expected 4 hexadecimal digits", at: escapeStart)
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    // MARK: - Characters

    func peek() -> Unicode.Scalar? {
        position < scalars.count ? scalars[position] : nil
    }

    mutating func consume(_ scalar: Unicode.Scalar) -> Bool {
        guard peek() == scalar else { return false }
        position += 1
        return true
    }

    /// Consumes `text` if the input continues with it.
    mutating func consume(_ text: String) -> Bool {
        let expected = Array(text.unicodeScalars)
        guard scalars[position...].starts(with: expected) else { return false }
        position += expected.count
        return true
    }

    func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar)
    }

    /// RFC 9535 whitespace: space, tab, line feed and carriage return.
    func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
    }

    mutating func skipWhitespace() {
        while let next = peek(), isWhitespace(next) {
            position += 1
        }
    }

    // MARK: - Errors

    func error(_ message: String, at offset: Int? = nil) -> JSONPathError {
        JSONPathError(message: message, offset: offset ?? position, expression: expression)
    }

    /// "unexpected X, expected Y" for the character at the current position, or for the end of the expression.
    func unexpected(expected: String) -> JSONPathError {
        guard let next = peek() else {
            return error("unexpected end of expression, expected \(expected)")
        }
        return error("unexpected \(describe(next)), expected \(expected)")
    }

    /// Names a character readably: whitespace and control characters by name, others quoted.
    func describe(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case " ": "space"
        case "\t": "tab"
        case "\n": "newline"
        case "\r": "carriage return"
        case "\u{00}"..."\u{1F}", "\u{7F}": "control character U+" + UnicodeEscape.hex4(scalar.value)
        default: "'\(scalar)'"
        }
    }

    private func describeRaw(_ scalar: Unicode.Scalar) -> String {
        scalar.value < 0x20 ? "U+" + UnicodeEscape.hex4(scalar.value) : String(scalar)
    }
}
