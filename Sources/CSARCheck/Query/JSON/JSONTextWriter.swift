extension JSONValue: CustomStringConvertible {
    /// Compact JSON text for display in reports: no insignificant whitespace, members in insertion order,
    /// integral numbers without a fraction (`14`, not `14.0`).
    public var jsonText: String {
        var writer = JSONTextWriter()
        writer.write(self)
        return String(decoding: writer.output, as: UTF8.self)
    }

    public var description: String { jsonText }
}

extension JSONObject: CustomStringConvertible {
    public var description: String { JSONValue.object(self).jsonText }
}

/// Serializes into a byte buffer, which is cheaper than growing a `String` piece by piece.
private struct JSONTextWriter {
    /// Integers beyond ±(2^53-1) are not exact in a `Double`, so they keep the shortest round-trip notation.
    private static let maxExactInteger = 9_007_199_254_740_991.0
    private static let hexDigits = Array("0123456789abcdef".utf8)

    private(set) var output: [UInt8] = []

    mutating func write(_ value: JSONValue) {
        switch value {
        case .null:
            output.append(contentsOf: "null".utf8)
        case .bool(let flag):
            output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let number):
            write(number)
        case .string(let string):
            write(string)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 {
                    output.append(UInt8(ascii: ","))
                }
                write(element)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            output.append(UInt8(ascii: "{"))
            for (position, member) in object.enumerated() {
                if position > 0 {
                    output.append(UInt8(ascii: ","))
                }
                write(member.key)
                output.append(UInt8(ascii: ":"))
                write(member.value)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    private mutating func write(_ number: Double) {
        if !number.isFinite {
            // JSON has no representation for NaN or infinity; the parser never produces them.
            output.append(contentsOf: "null".utf8)
        } else if number.rounded() == number, abs(number) <= Self.maxExactInteger {
            output.append(contentsOf: String(Int64(number)).utf8)
        } else {
            output.append(contentsOf: number.description.utf8)
        }
    }

    private mutating func write(_ string: String) {
        output.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""):
                output.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"):
                output.append(contentsOf: "\\\\".utf8)
            case 0x0A:
                output.append(contentsOf: "\\n".utf8)
            case 0x0D:
                output.append(contentsOf: "\\r".utf8)
            case 0x09:
                output.append(contentsOf: "\\t".utf8)
            case 0x08:
                output.append(contentsOf: "\\b".utf8)
            case 0x0C:
                output.append(contentsOf: "\\f".utf8)
            case 0x00..<0x20:
                output.append(contentsOf: "\\u00".utf8)
                output.append(Self.hexDigits[Int(byte >> 4)])
                output.append(Self.hexDigits[Int(byte & 0x0F)])
            default:
                output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
