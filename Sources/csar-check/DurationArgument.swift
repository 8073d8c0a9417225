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

    var description: String { text }
    var defaultValueDescription: String { text }
}
