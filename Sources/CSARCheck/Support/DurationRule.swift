/// The one check of every duration a user gives — scenario keys and command-line flags alike: a finite
/// number of seconds, above zero (zero only where it means "at once"), and within a bound. So no wait is
/// unbounded (`inf`, or libcurl's 0 meaning "no timeout"), and no conversion to libcurl's milliseconds or
/// the clock's nanoseconds can overflow (`1e300`, `nan`).
public struct DurationRule: Sendable, Equatable {
    /// Seconds.
    public var maximum: Double
    /// Whether 0 is accepted, where it means "at once" (a retry's delay, a threshold).
    public var allowsZero: Bool

    public init(maximum: Double, allowsZero: Bool = false) {
        self.maximum = maximum
        self.allowsZero = allowsZero
    }

    /// Request and connect timeouts, `max_duration`, `max_ttfb`: more than 0, at most an hour.
    public static let timeout = DurationRule(maximum: 3600)
    /// The wait between retries: 0 (at once) to 10 minutes.
    public static let delay = DurationRule(maximum: 600, allowsZero: true)
    /// A criterion's threshold (`p95 < 2s`): 0 to a day.
    public static let threshold = DurationRule(maximum: 86_400, allowsZero: true)
    /// A load run's length and its ceiling: more than 0, at most 7 days (the default ceiling of an hour is
    /// checked apart, with the way to raise it).
    public static let loadDuration = DurationRule(maximum: 7 * 86_400)

    /// What is wrong with `seconds`, or nil when it is acceptable.
    public func problem(_ seconds: Double) -> String? {
        let accepted = seconds.isFinite && (allowsZero ? seconds >= 0 : seconds > 0) && seconds <= maximum
        return accepted ? nil : "expected \(range), found \(Self.describe(seconds))"
    }

    /// What this rule accepts, in words: `a duration of more than 0 and at most 1h, such as 2s, 500ms or 1m`.
    public var range: String {
        let lower = allowsZero ? "of 0 or more" : "of more than 0"
        return "a duration \(lower) and at most \(Self.shortest(maximum)), such as 2s, 500ms or 1m"
    }

    private static func describe(_ seconds: Double) -> String {
        seconds.isFinite ? "\(NumberFormatting.shortest(seconds)) s" : "'\(seconds)'"
    }

    /// `1h`, `10m`, `7d`, `90s`.
    public static func shortest(_ seconds: Double) -> String {
        for (unit, scale) in [("d", 86_400.0), ("h", 3600), ("m", 60)]
        where seconds >= scale && seconds.truncatingRemainder(dividingBy: scale) == 0 {
            return "\(Int(seconds / scale))\(unit)"
        }
        return "\(NumberFormatting.shortest(seconds))s"
    }
}
