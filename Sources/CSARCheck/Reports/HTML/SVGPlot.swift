import Foundation

/// A tick on an axis: where it sits in data units and what it reads.
package struct SVGTick {
    package var value: Double
    package var label: String

    package init(value: Double, label: String) {
        self.value = value
        self.label = label
    }
}

/// The frame every chart shares: a fixed viewBox the page scales to its width, a plot area with room
/// for tick labels and axis titles, and linear scales from data to viewBox units. Charts pass data
/// already transformed (a log scale passes logarithms), so one linear scale serves them all.
package struct SVGPlot {
    package static let width = 600.0
    package static let height = 300.0
    package static let left = 66.0
    package static let right = 40.0
    package static let top = 34.0
    package static let bottom = 54.0

    package var xDomain: ClosedRange<Double>
    package var yDomain: ClosedRange<Double>

    package init(xDomain: ClosedRange<Double>, yDomain: ClosedRange<Double>) {
        self.xDomain = xDomain
        self.yDomain = yDomain
    }

    package var plotWidth: Double { Self.width - Self.left - Self.right }
    package var plotHeight: Double { Self.height - Self.top - Self.bottom }

    package func x(_ value: Double) -> Double {
        let span = xDomain.upperBound - xDomain.lowerBound
        return Self.left + (span > 0 ? (value - xDomain.lowerBound) / span : 0) * plotWidth
    }

    package func y(_ value: Double) -> Double {
        let span = yDomain.upperBound - yDomain.lowerBound
        return Self.top + plotHeight - (span > 0 ? (value - yDomain.lowerBound) / span : 0) * plotHeight
    }

    /// The chart in a `<figure>`: an `<svg>` with our `id`, announced as one image by its title and
    /// description (read by screen readers, shown as a tooltip), and a caption under it.
    package static func figure(
        id: String, kind: String, title: String, description: String, caption: String, content: String
    )
        -> String
    {
        var html = "<figure class=\"chart-figure\"><div class=\"chart-box\">"
        html += "<svg id=\"\(id)\" class=\"chart \(kind)\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" "
        html += "role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\">"
        html += "<title id=\"\(id)-title\">\(HTMLText.escape(title))</title>"
        html += "<desc id=\"\(id)-desc\">\(HTMLText.escape(description))</desc>\n"
        html += content
        html += "</svg></div><figcaption>\(HTMLText.escape(caption))</figcaption></figure>\n"
        return html
    }

    /// Grid lines, tick labels and axis titles (with units).
    package func axes(x xTicks: [SVGTick], y yTicks: [SVGTick], xTitle: String, yTitle: String) -> String {
        let (right, bottom) = (Self.left + plotWidth, Self.top + plotHeight)
        var svg = "<g class=\"grid\">"
        for tick in yTicks {
            svg += Self.line(Self.left, y(tick.value), right, y(tick.value))
        }
        svg += "</g><g class=\"axis\">"
        svg += Self.line(Self.left, bottom, right, bottom) + Self.line(Self.left, Self.top, Self.left, bottom)
        for tick in yTicks {
            svg += Self.text(tick.label, x: Self.left - 6, y: y(tick.value) + 5, anchor: "end")
        }
        for tick in xTicks {
            svg += Self.line(x(tick.value), bottom, x(tick.value), bottom + 5)
            svg += Self.text(tick.label, x: x(tick.value), y: bottom + 20, anchor: "middle")
        }
        svg += Self.text(
            xTitle, x: Self.left + plotWidth / 2, y: Self.height - 4, anchor: "middle", class: "axis-title")
        let middle = Self.number(Self.top + plotHeight / 2)
        svg += "<text class=\"axis-title\" text-anchor=\"middle\" transform=\"translate(16 \(middle)) rotate(-90)\">"
        svg += "\(HTMLText.escape(yTitle))</text>"
        return svg + "</g>\n"
    }

    /// The series key along the top: a sample of each series' own mark (line style or fill), then its name.
    package func legend(_ items: [(css: String, label: String, line: Bool)]) -> String {
        var svg = "<g class=\"chart-legend\">"
        var x = Self.left
        for item in items {
            svg +=
                item.line
                ? Self.line(x, 14, x + 22, 14, class: item.css)
                : Self.rect(x: x + 4, y: 7, width: 14, height: 14, class: item.css)
            svg += Self.text(item.label, x: x + 28, y: 19, anchor: "start")
            // Room for the label at the larger font phones use (about 11 units a character).
            x += 28 + Double(item.label.count) * 11 + 16
        }
        return svg + "</g>\n"
    }

    /// A line through the points; `nil` breaks it (a second with nothing to plot).
    package func path(_ points: [(x: Double, y: Double)?], class css: String) -> String {
        var commands = ""
        var drawing = false
        for point in points {
            guard let point else {
                drawing = false
                continue
            }
            commands += "\(drawing ? "L" : "M")\(Self.number(x(point.x))) \(Self.number(y(point.y)))"
            drawing = true
        }
        return commands.isEmpty ? "" : "<path class=\"\(css)\" d=\"\(commands)\"/>\n"
    }

    // MARK: Elements in viewBox units; `css` is always one of our own class names.

    package static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, class css: String? = nil) -> String
    {
        "<line\(classAttribute(css))\(coordinates(("x1", x1), ("y1", y1), ("x2", x2), ("y2", y2)))/>"
    }

    /// A rectangle; `content` (already markup, e.g. a `<title>`) goes inside it.
    package static func rect(
        x: Double, y: Double, width: Double, height: Double, class css: String, content: String = ""
    ) -> String {
        let open = "<rect class=\"\(css)\"\(coordinates(("x", x), ("y", y), ("width", width), ("height", height)))"
        return content.isEmpty ? open + "/>" : open + ">" + content + "</rect>"
    }

    /// ` x="1.5" y="20"`: numeric attributes, each written with `number`.
    private static func coordinates(_ pairs: (String, Double)...) -> String {
        pairs.map { " \($0.0)=\"\(number($0.1))\"" }.joined()
    }

    package static func text(_ value: String, x: Double, y: Double, anchor: String, class css: String? = nil) -> String
    {
        "<text\(classAttribute(css)) x=\"\(number(x))\" y=\"\(number(y))\" text-anchor=\"\(anchor)\">"
            + "\(HTMLText.escape(value))</text>"
    }

    private static func classAttribute(_ css: String?) -> String {
        css.map { " class=\"\($0)\"" } ?? ""
    }

    /// Coordinates to one decimal: precise enough on screen, and short.
    package static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }

    /// 0 and evenly spaced round values (1, 2 or 5 × 10ⁿ apart) up to at least `maximum`.
    package static func ticks(upTo maximum: Double, count: Int = 5) -> [Double] {
        guard maximum > 0, maximum.isFinite else { return [0, 1] }
        let rough = maximum / Double(count)
        let magnitude = pow(10, floor(log10(rough)))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
        let steps = Int((maximum / step).rounded(.up))
        return (0...steps).map { Double($0) * step }
    }

    /// Tick labels with as many decimals as the spacing needs and no more.
    package static func tickLabels(_ values: [Double], suffix: String = "") -> [SVGTick] {
        let step = values.count > 1 ? values[1] - values[0] : 1
        let decimals = step >= 1 ? 0 : Int(-floor(log10(step)))
        return values.map { SVGTick(value: $0, label: String(format: "%.\(decimals)f", $0) + suffix) }
    }
}
