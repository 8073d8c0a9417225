import Foundation

/// The one door through which report values enter the page. Every value of a report may come from a
/// hostile response, so it is escaped here and only ever placed in element content or in a quoted
/// `title`/`aria-label` attribute, never in `href`, `src`, `style` or an event attribute.
package enum HTMLText {
    /// Escapes text for element content and quoted attribute values (HTML and inline SVG alike).
    package static func escape(_ value: String) -> String {
        XMLText.escape(value)
    }

    /// `<tag class="…">escaped value</tag>`; the class is always one of our own constants.
    package static func element(_ tag: String, _ value: String, class className: String? = nil) -> String {
        let classAttribute = className.map { " class=\"\($0)\"" } ?? ""
        return "<\(tag)\(classAttribute)>\(escape(value))</\(tag)>"
    }

    /// A `<ul>` of escaped lines, or nothing when there are none.
    package static func list(_ lines: [String], class className: String? = nil) -> String {
        guard !lines.isEmpty else { return "" }
        let classAttribute = className.map { " class=\"\($0)\"" } ?? ""
        return "<ul\(classAttribute)>" + lines.map { element("li", $0) }.joined() + "</ul>\n"
    }

    /// A table wrapped in a horizontally scrolling box, so wide tables never widen a phone's page.
    /// `header` and `rows` are already markup (cells built with `escape`).
    package static func table(
        caption: String? = nil, header: [String], rows: [[String]], class className: String = ""
    )
        -> String
    {
        var html = "<div class=\"scroll\"><table class=\"\(className)\">"
        if let caption { html += "<caption>\(escape(caption))</caption>" }
        html += "<thead><tr>" + header.map { "<th scope=\"col\">\(escape($0))</th>" }.joined() + "</tr></thead><tbody>"
        for row in rows {
            html += "<tr>" + row.map { "<td>\($0)</td>" }.joined() + "</tr>"
        }
        return html + "</tbody></table></div>\n"
    }

    /// ✔ or ✘ with a word, so the outcome never rests on colour alone. The words are markup: our own
    /// constants, or text the caller escaped.
    package static func mark(
        _ passed: Bool, passed passedWord: String = "pass", failed failedWord: String = "fail"
    ) -> String {
        passed ? "<span class=\"ok\">✔ \(passedWord)</span>" : "<span class=\"bad\">✘ \(failedWord)</span>"
    }
}

/// Numbers, durations and dates as the page shows them: fixed formats, independent of the locale, so
/// the same report always renders to the same bytes.
package enum HTMLFormat {
    /// A duration in seconds: `850 µs`, `12.3 ms`, `412 ms`, `1.25 s`.
    package static func seconds(_ value: Double) -> String {
        micros(value * 1_000_000)
    }

    package static func micros(_ value: UInt64) -> String {
        micros(Double(value))
    }

    package static func micros(_ value: Double) -> String {
        switch value {
        case ..<1000: String(format: "%.0f µs", value)
        case ..<10_000: String(format: "%.2f ms", value / 1000)
        case ..<100_000: String(format: "%.1f ms", value / 1000)
        case ..<1_000_000: String(format: "%.0f ms", value / 1000)
        case ..<100_000_000: String(format: "%.2f s", value / 1_000_000)
        default: String(format: "%.0f s", value / 1_000_000)
        }
    }

    /// An integer grouped by thousands with a narrow space (SI style): `12 345`.
    package static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped += "\u{202F}" }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// `99.95 %`, with up to two decimals.
    package static func percent(_ value: Double) -> String {
        String(format: "%.2f %%", value).replacingOccurrences(of: ".00 %", with: " %")
    }

    package static func rate(_ value: Double) -> String {
        String(format: value >= 100 ? "%.0f req/s" : "%.1f req/s", value)
    }

    package static func bytes(_ value: Int) -> String {
        switch value {
        case ..<1024: "\(value) B"
        case ..<(1024 * 1024): String(format: "%.1f KiB", Double(value) / 1024)
        default: String(format: "%.1f MiB", Double(value) / 1024 / 1024)
        }
    }

    /// UTC, ISO 8601 with milliseconds: the same in every time zone the report is rendered in.
    package static func date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss.SSS 'UTC'"
        return formatter.string(from: date)
    }
}
