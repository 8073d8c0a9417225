/// A step's libcurl phases (DNS, connect, TLS, wait for the first byte, transfer) as one inline SVG
/// bar, its length scaled to the slowest step of the scenario so steps compare at a glance.
enum HTMLTimingWaterfall {
    static let width = 200.0
    static let height = 14.0

    /// The phases in the order a request goes through them: CSS class, label, duration in seconds.
    static func phases(_ timings: HTTPTimings) -> [(css: String, label: String, seconds: Double)] {
        [
            ("dns", "DNS", timings.dns), ("connect", "connect", timings.connect), ("tls", "TLS", timings.tls),
            ("wait", "wait (TTFB)", timings.wait), ("transfer", "transfer", timings.transfer),
        ]
    }

    static func bar(_ timings: HTTPTimings, scale: Double) -> String {
        let breakdown = breakdown(timings)
        var svg = "<svg class=\"waterfall\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" "
        svg += "height=\"\(Int(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(breakdown))\">"
        svg += "<title>\(HTMLText.escape(breakdown))</title>"
        svg += SVGPlot.rect(x: 0, y: 0, width: width, height: height, class: "track")
        var x = 0.0
        for phase in phases(timings) where phase.seconds > 0 {
            let length = scale > 0 ? phase.seconds / scale * width : 0
            // A visible sliver even for a phase too short to see, so a reused connection reads differently.
            let shown = Swift.max(length, 0.5)
            let title = "<title>\(HTMLText.escape("\(phase.label) \(HTMLFormat.seconds(phase.seconds))"))</title>"
            svg += SVGPlot.rect(x: x, y: 1, width: shown, height: height - 2, class: phase.css, content: title)
            x += length
        }
        return svg + "</svg>"
    }

    /// `DNS 1.20 ms · connect 300 µs · TLS 0 µs · wait (TTFB) 45.1 ms · transfer 800 µs`
    static func breakdown(_ timings: HTTPTimings) -> String {
        phases(timings).map { "\($0.label) \(HTMLFormat.seconds($0.seconds))" }.joined(separator: " · ")
    }

    /// The colour key, once per scenario with timings: colours label the phases, the text gives the numbers.
    static func legend(scale: Double) -> String {
        guard scale > 0 else { return "" }
        let keys = phases(HTTPTimings()).map {
            "<span class=\"key\"><i class=\"swatch \($0.css)\"></i>\(HTMLText.escape($0.label))</span>"
        }
        let note = "bars scaled to the slowest step, \(HTMLFormat.seconds(scale))"
        return "<p class=\"legend\">Timing: " + keys.joined(separator: " ") + " · \(HTMLText.escape(note))</p>\n"
    }
}
