import Foundation

/// The live one-line progress display of a load run: elapsed, done/total, current req/s, p95, errors.
/// Shown on a terminal only, redrawn in place; nothing of it reaches a pipe, a file or a CI log.
public struct LoadProgressLine: Sendable {
    /// Requests the run will make, when it is bounded by a count (shown as done/total).
    public var total: Int?
    /// Seconds the run will last, when it is bounded by a duration (shown as elapsed/duration).
    public var duration: Double?
    private let write: @Sendable (String) -> Void

    /// A display on standard error for `plan`, or nil when standard error is not a terminal (or `TERM=dumb`).
    public static func standardError(
        for plan: LoadPlan, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> LoadProgressLine? {
        guard shouldDisplay(fileDescriptor: STDERR_FILENO, environment: environment) else { return nil }
        let counted = plan.requests != nil || plan.rate != nil
        return LoadProgressLine(total: counted ? plan.requestLimit : nil, duration: plan.duration) { text in
            FileHandle.standardError.write(Data(text.utf8))
        }
    }

    /// True only for a terminal: progress redrawn with carriage returns would litter logs.
    public static func shouldDisplay(fileDescriptor: Int32, environment: [String: String]) -> Bool {
        isatty(fileDescriptor) == 1 && environment["TERM"] != "dumb"
    }

    public init(total: Int?, duration: Double? = nil, write: @escaping @Sendable (String) -> Void) {
        self.total = total
        self.duration = duration
        self.write = write
    }

    /// Redraws the line (carriage return, erase to end of line, no newline).
    public func update(_ progress: LoadProgress, elapsed: Double) {
        write("\r\u{1B}[K" + Self.format(progress, elapsed: elapsed, total: total, duration: duration))
    }

    /// Erases the line, so the summary starts on a clean one.
    public func clear() {
        write("\r\u{1B}[K")
    }

    /// `  12s  4210/50000  350 req/s  p95 12.3 ms  errors 0`, or `12s/60s  …` for a timed run.
    public static func format(_ progress: LoadProgress, elapsed: Double, total: Int?, duration: Double? = nil) -> String
    {
        let time = String(format: "%5.0fs", elapsed) + (duration.map { String(format: "/%.0fs", $0) } ?? "")
        let done = total.map { "\(progress.completed)/\($0)" } ?? String(progress.completed)
        let rate = progress.lastSecond.map { "\($0.requests) req/s" } ?? "– req/s"
        let p95 =
            progress.lastSecond.flatMap { $0.requests > 0 ? $0 : nil }
            .map { "p95 \(DurationText.format(Double($0.p95) / 1e6))" } ?? "p95 –"
        return time + "  \(done)  \(rate)  \(p95)  errors \(progress.errors)"
    }
}
