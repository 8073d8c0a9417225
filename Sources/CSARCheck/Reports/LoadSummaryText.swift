import Foundation
import Histogram

/// The load summary as text: first laid out line for line like `ab`'s, so people who read ab's output
/// read ours, then what ab lacks (status codes, high percentiles, phases, schedule, warnings). The verdict is
/// not part of it: the criteria judge a load as they judge a gate, and the verdict block follows.
/// A pure function of the result, golden-tested.
public enum LoadSummaryText {
    public static func render(_ result: LoadResult) -> String {
        var lines = abSection(result)
        lines += [""] + statusSection(result)
        lines += [""] + latencySection(result.latency, openModel: result.schedule != nil)
        lines += runSection(result)
        if !result.warnings.isEmpty {
            lines += ["", "Warnings:"] + result.warnings.map { "  ! \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: ab's layout

    static func abSection(_ result: LoadResult) -> [String] {
        let url = URLComponents(string: result.plan.urls.first ?? "")
        let https = url?.scheme == "https"
        var path = (url?.percentEncodedPath).flatMap { $0.isEmpty ? nil : $0 } ?? "/"
        if let query = url?.percentEncodedQuery { path += "?" + query }
        if result.plan.urls.count > 1 { path += " (and \(result.plan.urls.count - 1) more, in turn)" }
        var lines = [
            field("Server Software:", (result.serverSoftware ?? "").terminalSafe),
            field("Server Hostname:", (url?.host ?? "").terminalSafe),
            field("Server Port:", String(url?.port ?? (https ? 443 : 80))),
            "",
            field("Document Path:", path.terminalSafe),
            field("Document Length:", documentLength(result.documentLength)),
            "",
            field("Concurrency Level:", String(result.plan.concurrency)),
            field("Time taken for tests:", String(format: "%.3f seconds", result.wallTime)),
            field("Complete requests:", String(result.completed)),
            field("Failed requests:", String(result.transportErrorCount)),
        ]
        if result.transportErrorCount > 0 {
            lines.append(
                "   (" + result.transportErrors.map { "\($0.phase.rawValue): \($0.count)" }.joined(separator: ", ")
                    + ")")
        }
        let non2xx = result.responses - result.responses(in: 200...299)
        if non2xx > 0 { lines.append(field("Non-2xx responses:", String(non2xx))) }
        if result.plan.keepAlive {
            lines.append(field("Keep-Alive requests:", String(max(0, result.responses - result.connectionsOpened))))
        }
        lines.append(field("Total transferred:", "\(result.headerBytes + result.bodyBytes) bytes"))
        lines.append(field("HTML transferred:", "\(result.bodyBytes) bytes"))
        if result.wallTime > 0, result.completed > 0 {
            let perRequest = result.wallTime * 1000 / Double(result.completed)
            lines += [
                field("Requests per second:", String(format: "%.2f [#/sec] (mean)", result.requestsPerSecond)),
                meanTimePerRequest(result, perRequest: perRequest),
                field(
                    "Time per request:",
                    String(format: "%.3f [ms] (mean, across all concurrent requests)", perRequest)),
                field(
                    "Transfer rate:",
                    String(
                        format: "%.2f [Kbytes/sec] received",
                        Double(result.headerBytes + result.bodyBytes) / 1024 / result.wallTime)),
            ]
        }
        guard result.responses > 0 else { return lines }
        let latency = result.latency
        lines += [
            "", "Connection Times (ms)", "              min  mean[+/-sd] median   max",
            connectionRow("Connect:", latency.setup),
            connectionRow("Processing:", latency.processing),
            connectionRow("Waiting:", latency.wait),
            connectionRow("Total:", latency.total),
            "", "Percentage of the requests served within a certain time (ms)",
        ]
        let percents = [50, 66, 75, 80, 90, 95, 98, 99]
        for (percent, value) in zip(percents, latency.total.values(atPercentiles: percents.map(Double.init))) {
            lines.append("  \(percent)%  " + pad(milliseconds(value), 5))
        }
        lines.append(" 100%  " + pad(milliseconds(latency.total.maxRecorded), 5) + " (longest request)")
        return lines
    }

    /// ab's first "Time per request": concurrency × wall time ÷ requests, which is the mean latency only when
    /// every slot sends its next request as soon as the last one ends (the closed model). Under a fixed
    /// arrival rate the slots wait between requests, so the open model prints the measured mean instead.
    static func meanTimePerRequest(_ result: LoadResult, perRequest: Double) -> String {
        guard result.schedule != nil else {
            return field(
                "Time per request:", String(format: "%.3f [ms] (mean)", perRequest * Double(result.plan.concurrency)))
        }
        let measured = result.latency.total.meanAndDeviation.mean / 1000
        return field("Time per request:", String(format: "%.3f [ms] (mean, measured: open model)", measured))
    }

    /// `ab`'s `"%5d %4d %5.1f %6d %7d"` row in milliseconds.
    static func connectionRow(_ label: String, _ histogram: Histogram<UInt64>) -> String {
        let (mean, deviation) = histogram.meanAndDeviation
        return label.padding(toLength: 12, withPad: " ", startingAt: 0)
            + pad(milliseconds(histogram.min), 5) + " "
            + pad(String(Int((mean / 1000).rounded())), 4) + " "
            + String(format: "%5.1f", deviation / 1000) + " "
            + pad(milliseconds(histogram.values(atPercentiles: [50])[0]), 6) + " "
            + pad(milliseconds(histogram.maxRecorded), 7)
    }

    static func documentLength(_ length: DocumentLength?) -> String {
        guard let length else { return "0 bytes" }
        let varied = length.min == length.max ? "" : " (varied from \(length.min) to \(length.max))"
        return "\(length.first) bytes\(varied)"
    }

    /// A label padded to ab's value column (24 characters).
    static func field(_ label: String, _ value: String) -> String {
        label.padding(toLength: 24, withPad: " ", startingAt: 0) + value
    }

    /// Microseconds as whole milliseconds, rounded as ab rounds.
    static func milliseconds(_ micros: UInt64) -> String {
        String((micros + 500) / 1000)
    }

    static func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
