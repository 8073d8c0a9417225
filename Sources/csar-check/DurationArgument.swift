import ArgumentParser
import CSARCheck

/// A duration on the command line as in scenario files: `2s`, `500ms`, `1.5m`, `1h`, or a bare number of
/// seconds. Its range is checked where it is used (`DurationRule`), which says what it accepts.
struct DurationArgument: ExpressibleByArgument, Sendable, CustomStringConvertible {
    var seconds: Double
    private var text: String

    init(seconds: Double) {
        self.seconds = seconds
        text = DurationRule.shortest(seconds)
    }

    init?(argument: String) {
        guard let seconds = DurationText.seconds(argument) else { return nil }
        self.seconds = seconds
        text = argument
    }

    /// For `@Option(transform:)`: what a duration looks like, when `argument` is not one.
    static func parse(_ argument: String) throws -> DurationArgument {
        guard let duration = DurationArgument(argument: argument) else {
            throw ValidationError("expected a duration such as 30s, 500ms, 2m or 1h (or seconds), found '\(argument)'")
        }
        return duration
    }

    var description: String { text }
    var defaultValueDescription: String { text }
}
