/// Checks `--var name=value` against the files of a run: a name that no file declares under `variables:`
/// or reads as `{{ name }}` would change nothing, so it is almost certainly a typo.
public enum CommandLineVariables {
    /// One message per unknown name, with the closest name the files know; empty when all are known.
    public static func unknownNames(_ given: some Collection<String>, in scenarios: [Scenario]) -> [String] {
        var known = ScenarioLoader.builtinVariables
        for scenario in scenarios {
            known.formUnion(scenario.variables.map(\.name))
            known.formUnion(scenario.usedVariables)
        }
        let candidates = known.filter { !$0.hasPrefix(ScenarioLoader.environmentPrefix) }.sorted()
        return given.filter { !known.contains($0) }.sorted().map { name in
            let listed = candidates.prefix(15).joined(separator: ", ") + (candidates.count > 15 ? ", …" : "")
            return "--var \(name)=…: no scenario of this run declares or uses a variable named '\(name)'"
                + "\(Suggestion.didYouMean(name, among: candidates)); the files know: \(listed)"
        }
    }
}
