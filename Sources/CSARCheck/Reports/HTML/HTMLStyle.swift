/// The page's only stylesheet, inline. System fonts (nothing to download), light backgrounds that print,
/// a single column that fits a phone, tables and charts that scroll sideways rather than overflow.
package enum HTMLStyle {
    package static let css = """
        :root { --ok: #15803d; --bad: #b91c1c; --warn: #a16207; --skip: #57606a; --line: #d0d7de; --muted: #57606a;
          --p50: #1d4ed8; --p95: #c2410c; --p99: #b91c1c; --through: #1d4ed8;
          --s-ok: #22c55e; --s-client: #f59e0b; --s-server: #dc2626; --s-transport: #7c3aed;
          --dns: #0ea5e9; --connect: #f59e0b; --tls: #a855f7; --wait: #22c55e; --transfer: #1d4ed8; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
          color: #1f2328; background: #fff; }
        main { max-width: 1100px; margin: 0 auto; padding: 12px 16px 48px; }
        h1 { font-size: 1.8rem; margin: 0; }
        h2 { font-size: 1.3rem; margin: 1.6em 0 .5em; border-bottom: 1px solid var(--line); padding-bottom: .2em; }
        h3 { font-size: 1.1rem; margin: 1.3em 0 .4em; }
        h4 { font-size: 1rem; margin: 1em 0 .3em; }
        h2 small, h4 small { font-weight: normal; color: var(--muted); font-size: .85rem; }
        code, pre { font: .85rem/1.45 ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
        code { overflow-wrap: break-word; }
        pre.transcript { background: #f6f8fa; border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px;
          white-space: pre-wrap; overflow-wrap: anywhere; max-height: 28em; overflow: auto; margin: 0; }
        .ok { color: var(--ok); font-weight: 600; } .bad { color: var(--bad); font-weight: 600; }
        .warn { color: var(--warn); font-weight: 600; } .skip { color: var(--skip); font-weight: 600; }
        .facts { color: var(--muted); margin: .2em 0; overflow-wrap: anywhere; }
        .verdict { border: 2px solid; border-left-width: 10px; border-radius: 8px; padding: 12px 16px;
          margin-top: 8px; }
        .verdict.passed { border-color: var(--ok); background: #f0fdf4; }
        .verdict.failed { border-color: var(--bad); background: #fef2f2; }
        .verdict.passed h1 { color: var(--ok); } .verdict.failed h1 { color: var(--bad); }
        .verdict .headline { font-size: 1.1rem; font-weight: 600; margin: .2em 0; overflow-wrap: anywhere; }
        .verdict h2 { font-size: 1rem; border: 0; margin: .8em 0 .2em; padding: 0; }
        ul.marked { list-style: none; padding-left: 0; margin: .2em 0; }
        ul.marked li { padding-left: 1.4em; text-indent: -1.4em; overflow-wrap: anywhere; }
        nav ul { list-style: none; padding: 0; margin: 10px 0 0; display: flex; flex-wrap: wrap; gap: 6px 14px; }
        nav a { color: #0969da; }
        dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; }
        dl.meta dt { color: var(--muted); } dl.meta dd { margin: 0; overflow-wrap: anywhere; }
        .scroll { overflow-x: auto; margin: .3em 0 .8em; }
        table { border-collapse: collapse; min-width: 100%; }
        th, td { text-align: left; padding: 4px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { background: #f6f8fa; white-space: nowrap; }
        table.numbers td + td { font-variant-numeric: tabular-nums; white-space: nowrap; }
        table.criteria td:first-child, table.assertions td:first-child { white-space: nowrap; }
        caption { text-align: left; font-weight: 600; }
        ol.steps { list-style: none; padding: 0; margin: .4em 0; }
        li.step { border: 1px solid var(--line); border-radius: 6px; margin: 6px 0; }
        li.step.failed, li.step.error { border-color: var(--bad); border-left-width: 6px; }
        li.step.skipped { border-left-width: 6px; border-left-color: var(--skip); }
        li.step summary { cursor: pointer; padding: 6px 10px; display: grid; align-items: center; gap: 2px 12px;
          grid-template-columns: 6.5em minmax(8em, 1fr) minmax(8em, 1.3fr) 5.5em 200px; }
        li.step summary > span { overflow-wrap: anywhere; }
        li.step summary .name { font-weight: 600; }
        li.step summary { list-style: none; } li.step summary::-webkit-details-marker { display: none; }
        /* The grid hides the native disclosure triangle: draw one, so a reader sees each step opens. */
        li.step .outcome::before { content: "▸ "; color: var(--muted); }
        li.step details[open] .outcome::before { content: "▾ "; }
        li.step summary .request { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, monospace; font-size: .85rem; }
        li.step summary .time { text-align: right; font-variant-numeric: tabular-nums; }
        li.step summary .captures { grid-column: 2 / -1; color: var(--muted); }
        .detail { padding: 4px 12px 12px; border-top: 1px solid var(--line); }
        .problem { margin: .4em 0; overflow-wrap: anywhere; }
        p.legend { color: var(--muted); font-size: .9rem; }
        .key { white-space: nowrap; margin-right: 6px; }
        .swatch { display: inline-block; width: .9em; height: .9em; margin-right: 4px; vertical-align: -1px;
          border-radius: 2px; }
        .swatch.dns, rect.dns { background: var(--dns); fill: var(--dns); }
        .swatch.connect, rect.connect { background: var(--connect); fill: var(--connect); }
        .swatch.tls, rect.tls { background: var(--tls); fill: var(--tls); }
        .swatch.wait, rect.wait { background: var(--wait); fill: var(--wait); }
        .swatch.transfer, rect.transfer { background: var(--transfer); fill: var(--transfer); }
        svg.waterfall { display: block; max-width: 100%; height: 14px; }
        svg.waterfall rect.track { fill: #eef1f4; }
        dl.tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(8.5em, 1fr)); gap: 8px;
          margin: .8em 0; }
        .tile { border: 1px solid var(--line); border-radius: 6px; padding: 6px 10px; }
        .tile dt { color: var(--muted); font-size: .85rem; }
        .tile dd { margin: 0; font-size: 1.2rem; font-weight: 600; }
        .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 480px), 1fr));
          gap: 12px 20px; }
        figure.chart-figure { margin: 0; }
        .chart-box { overflow-x: auto; }
        svg.chart { display: block; width: 100%; min-width: 300px; height: auto; font: 15px system-ui, sans-serif; }
        figcaption { color: var(--muted); font-size: .85rem; margin-top: 2px; }
        .grid line { stroke: #e5e7eb; } .axis line { stroke: #57606a; }
        .axis text, .chart-legend text { fill: #1f2328; } .axis-title { font-weight: 600; }
        .note { fill: var(--muted); font-size: .85em; }
        path.series, .chart-legend line { fill: none; stroke-width: 2.5; stroke-linejoin: round; }
        .series.p50 { stroke: var(--p50); } .series.p95 { stroke: var(--p95); stroke-dasharray: 8 4; }
        .series.p99 { stroke: var(--p99); stroke-dasharray: 2 3; }
        .series.throughput { stroke: var(--through); } path.area.throughput { fill: #bfdbfe; stroke: none; }
        .series.target { stroke: #374151; stroke-dasharray: 8 5; stroke-width: 2; }
        .series.total { stroke: var(--p50); } .series.max { stroke: #6b7280; stroke-dasharray: 4 4; stroke-width: 1.5; }
        circle.dot { fill: var(--p50); }
        .bar.ok { fill: var(--s-ok); } .bar.client { fill: var(--s-client); }
        .bar.server { fill: var(--s-server); } .bar.transport { fill: var(--s-transport); }
        details.data { margin: .4em 0; } details.data summary { cursor: pointer; color: #0969da; }
        @media (max-width: 760px) {
          main { padding: 8px 10px 32px; }
          li.step summary { grid-template-columns: 6.5em 1fr; }
          li.step summary .request, li.step summary .captures { grid-column: 1 / -1; }
          li.step summary .time { text-align: left; }
          /* A phone shows a chart at about 60 % of its drawn size: larger text keeps the labels readable. */
          svg.chart { font-size: 20px; }
        }
        @media print {
          body { font-size: 11pt; } main { max-width: none; padding: 0; } nav { display: none; }
          .verdict.passed, .verdict.failed, th, pre.transcript { background: none; }
          details::details-content { content-visibility: visible; display: block; }
          li.step .outcome::before { content: none; } li.step, figure, tr { break-inside: avoid; }
          pre.transcript { max-height: none; overflow: visible; }
          .scroll, .chart-box { overflow: visible; } svg.chart { min-width: 0; font-size: 15px; }
        }
        """
}
