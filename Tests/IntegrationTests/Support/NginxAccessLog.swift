import Foundation

/// The Laravel stack's nginx access log (combined format), read from where it stood when this was made:
/// what the site itself saw of a run, whatever the client counted.
struct NginxAccessLog {
    struct Request {
        var time: Date
        var method: String
        var path: String
        var status: Int
    }

    let path: String
    private let start: UInt64

    init(_ stack: LaravelStack) throws {
        path = stack.runtime + "/logs/nginx-access.log"
        start = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.uint64Value ?? 0
    }

    /// The requests logged since this was made whose path starts with `pathPrefix`, oldest first.
    func requestsSinceOpened(pathPrefix: String) throws -> [Request] {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seek(toOffset: start)
        let text = String(decoding: try handle.readToEnd() ?? Data(), as: UTF8.self)
        let timeFormat = Self.timeFormat()
        return text.split(separator: "\n").compactMap { line in
            guard let match = line.firstMatch(of: #/\[([^\]]+)\] "([A-Z]+) ([^ "?]+)[^"]*" (\d{3}) /#),
                let time = timeFormat.date(from: String(match.1)), match.3.hasPrefix(pathPrefix)
            else { return nil }
            return Request(time: time, method: String(match.2), path: String(match.3), status: Int(match.4) ?? 0)
        }
    }

    /// The most requests that fall in any 60 s: what a rate limit's one-minute window could have counted.
    static func busiestMinute(_ requests: [Request]) -> Int {
        let times = requests.map(\.time).sorted()
        var busiest = 0
        var first = 0
        for last in times.indices {
            while times[last].timeIntervalSince(times[first]) >= 60 { first += 1 }
            busiest = max(busiest, last - first + 1)
        }
        return busiest
    }

    /// `14/Dec/2026:20:30:01 +0000`
    private static func timeFormat() -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "dd/MMM/yyyy:HH:mm:ss Z"
        return formatter
    }
}
