extension XPathValue {
    /// Writes `number` as XPath 1.0's `string()` specifies: integers without a decimal point, otherwise the
    /// fewest digits that identify the number, never exponent notation ("0.0000001", not "1e-07").
    ///
    /// libxml2's own `string()` switches to exponent notation beyond 1e9, which is unhelpful for ids and timestamps.
    static func xpathString(from number: Double) -> String {
        if number.isNaN {
            return "NaN"
        }
        if number.isInfinite {
            return number < 0 ? "-Infinity" : "Infinity"
        }
        if number == 0 {
            return "0"  // -0 too
        }
        // Swift's description already has the shortest round-tripping digits, possibly as "1.5e+20" or "1e-07".
        let parts = number.magnitude.description.split(separator: "e")
        let mantissa = parts[0]
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        var digits = mantissa.filter { $0 != "." }
        let integerDigitCount = mantissa.firstIndex(of: ".").map { mantissa[..<$0].count } ?? mantissa.count
        var pointPosition = integerDigitCount + exponent
        while digits.first == "0" {
            digits.removeFirst()
            pointPosition -= 1
        }
        while digits.last == "0" {
            digits.removeLast()
        }
        let sign = number < 0 ? "-" : ""
        if pointPosition <= 0 {
            return sign + "0." + String(repeating: "0", count: -pointPosition) + digits
        }
        if pointPosition >= digits.count {
            return sign + digits + String(repeating: "0", count: pointPosition - digits.count)
        }
        return sign + digits.prefix(pointPosition) + "." + digits.dropFirst(pointPosition)
    }
}
