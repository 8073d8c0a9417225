/// A requester's telephone as Orange's SMS API wants it, as the Laravel site's `PhoneNumber::telUri`.
enum PhoneNumber {
    /// `77 123 45 67`, `+221 77-123-45-67`, `00221771234567` or `221771234567` → `tel:+221771234567`; nil for no
    /// number, or text that is not one. Senegal's national numbers have 9 digits, to which +221 is added.
    static func telURI(_ telephone: String?) -> String? {
        let number = String((telephone ?? "").filter { !" \t\n\r.-()/".contains($0) })
        let digits: Substring
        if number.hasPrefix("+") {
            digits = number.dropFirst()
        } else if number.hasPrefix("00") {
            digits = number.dropFirst(2)
        } else if number.count == 9 {
            digits = Substring("221" + number)
        } else {
            digits = Substring(number)
        }
        guard (8...15).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return "tel:+" + digits
    }
}
