extension StringProtocol {
    /// The text as one console line, with every character a terminal would act on replaced by a visible
    /// escape: line feed as `\n`, ESC and the other C0 controls but tab as `\x1B`, DEL, the C1 controls
    /// (`\u{9B}` is ESC [ on some terminals), and the bidirectional overrides that reorder what is shown.
    /// Text from a response, a captured value, a form id, a scenario name or a history label then cannot move
    /// the cursor, clear the screen, hide a failure, or start a line of its own that looks like the tool's
    /// ("✔ PASSED"). Applied to every value printed that did not come from the tool itself; csar-check's own
    /// colours are added after it.
    public var terminalSafe: String { escapedForTerminal(keepingLineFeeds: false) }

    /// `terminalSafe` for a block the tool composed of several lines (a load summary, an error with the
    /// file's line and a caret under it): its line feeds are kept, everything else is escaped the same way.
    /// The values inside such a block are made `terminalSafe` where it is composed.
    public var terminalSafeKeepingLines: String { escapedForTerminal(keepingLineFeeds: true) }

    private func escapedForTerminal(keepingLineFeeds: Bool) -> String {
        let needsEscape = { (scalar: Unicode.Scalar) in
            Self.needsEscape(scalar) || (!keepingLineFeeds && scalar == "\n")
        }
        guard unicodeScalars.contains(where: needsEscape) else { return String(self) }
        var text = ""
        for scalar in unicodeScalars {
            if scalar == "\n", !keepingLineFeeds {
                text += "\\n"
            } else if needsEscape(scalar) {
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
