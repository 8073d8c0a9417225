extension StringProtocol {
    /// The text with every character a terminal would act on replaced by a visible escape such as `\x1B`:
    /// ESC and the other C0 controls but tab and newline, DEL, the C1 controls (`\u{9B}` is ESC [ on some
    /// terminals), and the bidirectional overrides that reorder what is shown. Text from a response (a
    /// body excerpt, a header, a server's error) then cannot move the cursor, clear the screen, rename the
    /// window, write the clipboard or hide a failure. Applied to everything printed that the user did not
    /// write; csar-check's own colours are added after it.
    public var terminalSafe: String {
        guard unicodeScalars.contains(where: Self.needsEscape) else { return String(self) }
        var text = ""
        for scalar in unicodeScalars {
            if Self.needsEscape(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                text += scalar.value < 0x100 ? "\\x" + hex.leftPadded(to: 2) : "\\u{\(hex)}"
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        return text
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
