/// Rules the trend page adds to the run report's stylesheet.
enum TrendHTMLStyle {
    static let css = """

        rect.baseline-band { fill: #dbeafe; } .baseline-level { stroke: #1d4ed8; stroke-dasharray: 2 3; }
        .limit, .chart-legend line.limit { stroke: var(--bad); stroke-dasharray: 7 4; stroke-width: 1.5; }
        .changepoint { stroke: #7c3aed; stroke-width: 2; stroke-dasharray: 4 3; }
        text.changepoint-label { fill: #7c3aed; font-size: .8em; }
        .series.trend { stroke: #374151; }
        circle.point { fill: var(--p50); } circle.point.regressed { fill: var(--bad); }
        circle.point.latest { stroke: #111827; stroke-width: 2.5; }
        table.series td:first-child { white-space: nowrap; }
        details.more { margin: .6em 0; } details.more > summary { cursor: pointer; color: #0969da; }
        tr.not-comparable td { color: var(--muted); }
        """
}
