extension JSONValue {
    /// Parses a UTF-8 encoded JSON text (RFC 8259), such as an HTTP response body (`Data` or `[UInt8]`).
    ///
    /// The parser is strict: no comments, trailing commas, single quotes, leading zeros, NaN or infinities,
    /// and strings must be valid UTF-8 with properly paired surrogate escapes. A leading byte order mark is
    /// skipped, as RFC 8259 §8.1 permits. Duplicate object keys keep the last value.
    public static func parse(_ bytes: some Collection<UInt8>) throws(JSONParseError) -> JSONValue {
        if let result = bytes.withContiguousStorageIfAvailable({ JSONParser.parse($0) }) {
            return try result.get()
        }
        return try Array(bytes).withUnsafeBufferPointer { JSONParser.parse($0) }.get()
    }

    /// Parses a JSON text held in a string.
    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        var text = text
        return try text.withUTF8 { JSONParser.parse($0) }.get()
    }
}

/// A recursive-descent parser over a contiguous byte buffer.
struct JSONParser {
    /// Bounds recursion so that hostile input cannot overflow the stack.
    static let maxDepth = 512

    private let input: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var depth = 0
    /// Reused for strings that contain escapes; strings without escapes are decoded straight from the input.
    private var scratch: [UInt8] = []

    private init(input: UnsafeBufferPointer<UInt8>) {
        self.input = input
    }

    static func parse(_ input: UnsafeBufferPointer<UInt8>) -> Result<JSONValue, JSONParseError> {
        var parser = JSONParser(input: input)
        return Result { () throws(JSONParseError) in try parser.parseDocument() }
    }

    private mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        if input.starts(with: [0xEF, 0xBB, 0xBF]) {
            position = 3
        }
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        if position < input.count {
            throw unexpected(after: "the JSON value")
        }
        return value
    }

    private mutating func parseValue() throws(JSONParseError) -> JSONValue {
        guard position < input.count else {
            throw error("unexpected end of input, expected a JSON value")
        }
        switch input[position] {
        case UInt8(ascii: "{"):
            return try parseObject()
        case UInt8(ascii: "["):
            return try parseArray()
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "t"):
            return try parseLiteral("true", .bool(true))
        case UInt8(ascii: "f"):
            return try parseLiteral("false", .bool(false))
        case UInt8(ascii: "n"):
            return try parseLiteral("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try parseNumber()
        default:
            throw unexpected(expected: "a JSON value")
        }
    }

    // MARK: - Containers

    private mutating func parseArray() throws(JSONParseError) -> JSONValue {
        try enterContainer()
        var elements: [JSONValue] = []
        skipWhitespace()
        if consume(UInt8(ascii: "]")) {
            depth -= 1
            return .array(elements)
        }
        while true {
            elements.append(try parseValue())
            skipWhitespace()
            if consume(UInt8(ascii: "]")) {
                break
            }
            guard consume(UInt8(ascii: ",")) else {
                throw unexpected(expected: "',' or ']' after an array element")
            }
            skipWhitespace()
            if peek() == UInt8(ascii: "]") {
                throw error("trailing comma in array")
            }
        }
        depth -= 1
        return .array(elements)
    }

    private mutating func parseObject() throws(JSONParseError) -> JSONValue {
        try enterContainer()
        var object = JSONObject()
        skipWhitespace()
        if consume(UInt8(ascii: "}")) {
            depth -= 1
            return .object(object)
        }
        while true {
            guard peek() == UInt8(ascii: "\"") else {
                throw unexpected(expected: "a string in double quotes as object key")
            }
            let key = try parseString()
            skipWhitespace()
            guard consume(UInt8(ascii: ":")) else {
                throw unexpected(expected: "':' after object key")
            }
            skipWhitespace()
            object[key] = try parseValue()
            skipWhitespace()
            if consume(UInt8(ascii: "}")) {
                break
            }
            guard consume(UInt8(ascii: ",")) else {
                throw unexpected(expected: "',' or '}' after an object member")
            }
            skipWhitespace()
            if peek() == UInt8(ascii: "}") {
                throw error("trailing comma in object")
            }
        }
        depth -= 1
        return .object(object)
    }

    /// Consumes the opening bracket and enforces the nesting limit.
    private mutating func enterContainer() throws(JSONParseError) {
        depth += 1
        if depth > Self.maxDepth {
            throw error("arrays and objects nested deeper than \(Self.maxDepth) levels")
        }
        position += 1
    }

    // MARK: - Scalars

    private mutating func parseLiteral(_ word: StaticString, _ value: JSONValue) throws(JSONParseError) -> JSONValue {
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard input[position...].starts(with: expected) else {
            throw error("invalid literal, expected '\(word)'")
        }
        position += expected.count
        return value
    }

    private mutating func parseNumber() throws(JSONParseError) -> JSONValue {
        let start = position
        let isNegative = consume(UInt8(ascii: "-"))
        guard let first = peek(), isDigit(first) else {
            throw unexpected(expected: "a digit after '-'")
        }
        position += 1
        if first == UInt8(ascii: "0"), let next = peek(), isDigit(next) {
            throw error("leading zeros are not allowed in numbers", at: start)
        }
        skipDigits()
        var isInteger = true
        if consume(UInt8(ascii: ".")) {
            isInteger = false
            try requireDigits(after: "the decimal point")
        }
        if consume(UInt8(ascii: "e")) || consume(UInt8(ascii: "E")) {
            isInteger = false
            _ = consume(UInt8(ascii: "+")) || consume(UInt8(ascii: "-"))
            try requireDigits(after: "the exponent marker")
        }
        let text = UnsafeBufferPointer(rebasing: input[start..<position])
        // Up to 15 digits fit exactly in a Double, so they can skip the general conversion.
        if isInteger, text.count - (isNegative ? 1 : 0) <= 15 {
            var magnitude = 0
            for digit in text.dropFirst(isNegative ? 1 : 0) {
                magnitude = magnitude * 10 + Int(digit - UInt8(ascii: "0"))
            }
            return .number(isNegative ? -Double(magnitude) : Double(magnitude))
        }
        guard let number = Double(String(decoding: text, as: UTF8.self)), number.isFinite else {
            throw error("number is too large to represent", at: start)
        }
        return .number(number)
    }

    private mutating func requireDigits(after what: String) throws(JSONParseError) {
        guard let next = peek(), isDigit(next) else {
            throw unexpected(expected: "a digit after \(what)")
        }
        skipDigits()
    }

    private mutating func skipDigits() {
        while let byte = peek(), isDigit(byte) {
            position += 1
        }
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    // MARK: - Strings

    /// Parses a string starting at its opening quote.
    private mutating func parseString() throws(JSONParseError) -> String {
        let openingQuote = position
        position += 1
        var runStart = position
        var hasEscapes = false
        while position < input.count {
            let byte = input[position]
            switch byte {
            case UInt8(ascii: "\""):
                let run = UnsafeBufferPointer(rebasing: input[runStart..<position])
                position += 1
                if !hasEscapes {
                    return String(decoding: run, as: UTF8.self)
                }
                scratch.append(contentsOf: run)
                return String(decoding: scratch, as: UTF8.self)
            case UInt8(ascii: "\\"):
                if !hasEscapes {
                    hasEscapes = true
                    scratch.removeAll(keepingCapacity: true)
                }
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<position]))
                try parseEscape()
                runStart = position
            case 0x00..<0x20:
                throw error("control character \(describe(byte)) must be escaped in a string")
            case 0x80...:
                try skipUTF8Sequence()
            default:
                position += 1
            }
        }
        throw error("unterminated string", at: openingQuote)
    }

    /// Decodes the escape sequence at `position` into `scratch`.
    private mutating func parseEscape() throws(JSONParseError) {
        let escapeStart = position
        guard position + 1 < input.count else {
            throw error("unterminated string")
        }
        let replacement: UInt8
        switch input[position + 1] {
        case UInt8(ascii: "\""): replacement = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): replacement = UInt8(ascii: "\\")
        case UInt8(ascii: "/"): replacement = UInt8(ascii: "/")
        case UInt8(ascii: "b"): replacement = 0x08
        case UInt8(ascii: "f"): replacement = 0x0C
        case UInt8(ascii: "n"): replacement = 0x0A
        case UInt8(ascii: "r"): replacement = 0x0D
        case UInt8(ascii: "t"): replacement = 0x09
        case UInt8(ascii: "u"):
            position += 2
            let scalar = try parseUnicodeEscape(escapeStart: escapeStart)
            UTF8.encode(scalar) { scratch.append($0) }
            return
        default:
            position += 1
            throw error("invalid escape sequence '\\\(describeRaw(input[position]))' in string", at: escapeStart)
        }
        scratch.append(replacement)
        position += 2
    }

    /// Parses the hex digits of a `\u` escape (and of its low surrogate partner, if any).
    private mutating func parseUnicodeEscape(escapeStart: Int) throws(JSONParseError) -> Unicode.Scalar {
        let unit = try parseHex4(escapeStart: escapeStart)
        switch UnicodeEscape.classify(unit) {
        case .scalar(let scalar):
            return scalar
        case .loneLowSurrogate:
            throw error("unpaired low surrogate \\u\(UnicodeEscape.hex4(unit)) in string", at: escapeStart)
        case .highSurrogate:
            let unpaired = "high surrogate \\u\(UnicodeEscape.hex4(unit)) is not followed by a low surrogate escape"
            let lowStart = position
            guard input[position...].starts(with: [UInt8(ascii: "\\"), UInt8(ascii: "u")]) else {
                throw error(unpaired, at: escapeStart)
            }
            position += 2
            guard let scalar = UnicodeEscape.pair(high: unit, low: try parseHex4(escapeStart: lowStart)) else {
                throw error(unpaired, at: escapeStart)
            }
            return scalar
        }
    }

    private mutating func parseHex4(escapeStart: Int) throws(JSONParseError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = peek(), let digit = UnicodeEscape.hexValue(UInt32(byte)) else {
                throw error("invalid \\u escape: expected 4 hexadecimal digits", at: escapeStart)
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    /// Validates one multi-byte UTF-8 sequence (RFC 3629: no overlongs, no surrogates, nothing past U+10FFFF).
    private mutating func skipUTF8Sequence() throws(JSONParseError) {
        let lead = input[position]
        let length: Int
        var secondByteRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            secondByteRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            secondByteRange = 0x80...0x9F
        case 0xF0:
            length = 4
            secondByteRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            secondByteRange = 0x80...0x8F
        default: throw error("invalid UTF-8 \(describe(lead)) in string")
        }
        for offset in 1..<length {
            let range = offset == 1 ? secondByteRange : 0x80...0xBF
            guard position + offset < input.count, range.contains(input[position + offset]) else {
                throw error("invalid UTF-8 sequence in string")
            }
        }
        position += length
    }

    // MARK: - Helpers

    private func peek() -> UInt8? {
        position < input.count ? input[position] : nil
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
        guard peek() == byte else { return false }
        position += 1
        return true
    }

    private mutating func skipWhitespace() {
        while let byte = peek(),
            byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
        {
            position += 1
        }
    }

    private func unexpected(expected: String) -> JSONParseError {
        guard position < input.count else {
            return error("unexpected end of input, expected \(expected)")
        }
        return error("unexpected \(describeCharacter(at: position)), expected \(expected)")
    }

    private func unexpected(after what: String) -> JSONParseError {
        error("unexpected \(describeCharacter(at: position)) after \(what)")
    }

    /// Names the character at `offset` for a message, decoding multi-byte UTF-8 where possible.
    private func describeCharacter(at offset: Int) -> String {
        let byte = input[offset]
        guard byte >= 0x80 else { return describe(byte) }
        var bytes = input[offset...].prefix(4).makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&bytes) {
            return "'\(scalar)'"
        }
        return describe(byte)
    }

    private func describe(_ byte: UInt8) -> String {
        switch byte {
        case 0x21...0x7E: "'\(Character(Unicode.Scalar(byte)))'"
        case 0x00..<0x20, 0x7F: "U+00\(UnicodeEscape.hex4(UInt32(byte)).suffix(2))"
        case 0x20: "space"
        default: "byte 0x\(UnicodeEscape.hex4(UInt32(byte)).suffix(2))"
        }
    }

    private func describeRaw(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? String(Character(Unicode.Scalar(byte))) : describe(byte)
    }

    private func error(_ message: String, at offset: Int? = nil) -> JSONParseError {
        let offset = min(offset ?? position, input.count)
        let lineStart = input[..<offset].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let line = 1 + input[..<offset].lazy.filter { $0 == 0x0A }.count
        return JSONParseError(message: message, offset: offset, line: line, column: offset - lineStart + 1)
    }
}
