/// The `\uXXXX` escape that JSON (RFC 8259 §7) and JSONPath's string literals (RFC 9535 §2.3.1.1) share: four
/// hexadecimal digits, and a high surrogate that must be followed by the escape of a low one. Each parser
/// reads its own input and words its own errors; the arithmetic and the rules are here, once.
enum UnicodeEscape {
    /// What the first escape of a character is.
    enum Unit: Equatable {
        /// A character on its own.
        case scalar(Unicode.Scalar)
        /// The high half of a surrogate pair: the escape of the low half must follow.
        case highSurrogate
        /// A low half with no high half before it: an error.
        case loneLowSurrogate
    }

    static func classify(_ unit: UInt32) -> Unit {
        switch unit {
        case 0xD800...0xDBFF: .highSurrogate
        case 0xDC00...0xDFFF: .loneLowSurrogate
        // Below 0x10000 and outside the surrogates: always a valid scalar.
        default: .scalar(Unicode.Scalar(unit)!)
        }
    }

    /// The character a high and a low surrogate make together, or nil when `low` is not a low surrogate.
    static func pair(high: UInt32, low: UInt32) -> Unicode.Scalar? {
        guard (0xDC00...0xDFFF).contains(low) else { return nil }
        // Both halves are range-checked, so the combined value is always a valid scalar.
        return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
    }

    /// The value of a hexadecimal digit, given by its code point (`0x41` for `A`); nil for anything else.
    static func hexValue(_ code: UInt32) -> UInt32? {
        switch code {
        case 0x30...0x39: code - 0x30
        case 0x61...0x66: code - 0x61 + 10
        case 0x41...0x46: code - 0x41 + 10
        default: nil
        }
    }

    /// `00E9`: a unit as an escape writes it, for messages.
    static func hex4(_ unit: UInt32) -> String {
        let digits = String(unit, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
