/// How long a side-effect step waits at most: a fixed duration (`within: 60s`), or a variable's
/// (`within: "{{ delivery_wait }}"`, so `--var delivery_wait=2m` adapts it), read when the step runs.
public enum WaitTime: Sendable {
    case seconds(Double)
    case template(Template)

    /// Reads `key` of `spec`: a duration, or a template to render later; nil when the key is absent.
    static func read(
        _ spec: MappingFields, key: String, scope: VariableScope
    ) throws(ScenarioError) -> WaitTime? {
        guard let node = spec.value(key) else { return nil }
        if node.scalar.map({ $0.string.contains("{{") }) == true {
            return .template(try scope.template(node, key: spec.keyPath(key)))
        }
        return .seconds(try ScalarReading.duration(node, key: spec.keyPath(key), rule: .timeout, reader: spec.reader))
    }

    /// The seconds, rendering the template with `render`; a value that is no duration throws its message.
    func seconds(render: (Template) throws(UndefinedVariable) -> String) throws(WaitTimeError) -> Double {
        switch self {
        case .seconds(let seconds):
            return seconds
        case .template(let template):
            let text: String
            do {
                text = try render(template)
            } catch {
                throw .undefined(error)
            }
            guard let seconds = DurationText.seconds(text), DurationRule.timeout.problem(seconds) == nil else {
                throw .invalid("'\(template.source)' is '\(text)', not \(DurationRule.timeout.range)")
            }
            return seconds
        }
    }
}

/// Why a `within:` could not be read when its step ran.
enum WaitTimeError: Error {
    case undefined(UndefinedVariable)
    case invalid(String)
}
