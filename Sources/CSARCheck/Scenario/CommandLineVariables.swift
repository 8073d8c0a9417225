/// `--var name=value` and `--var FILE.name=value` as a run takes them: the first holds in every file, the
/// second in the file whose name (without `.yaml`) is FILE, over the first — for two files whose variables
/// share a name but not a meaning (`admin-login.email_field=username`). A name that no file declares or
/// reads would change nothing, so it is almost certainly a typo: it is refused.
public struct CommandLineVariables: Sendable, Equatable {
    /// The values given for every file.
    public var run: [String: String] = [:]
    /// The values given for one file, by file name without extension.
    public var files: [String: [String: String]] = [:]

    public init(run: [String: String] = [:], files: [String: [String: String]] = [:]) {
        self.run = run
        self.files = files
    }

    /// Sorts `pairs` into the run's and each file's: a name that starts with the name of one of `fileStems`
    /// and a dot is that file's (the longest such file name wins).
    public init(_ pairs: [String: String], fileStems: some Collection<String>) {
        for (name, value) in pairs {
            let scope = fileStems.filter { name.count > $0.count + 1 && name.hasPrefix($0 + ".") }
                .max { $0.count < $1.count }
            if let scope {
                files[scope, default: [:]][String(name.dropFirst(scope.count + 1))] = value
            } else {
                run[name] = value
            }
        }
    }

    /// One message per name no file knows, with the closest names the files know; empty when all are known.
    public func unknownNames(in scenarios: [Scenario]) -> [String] {
        var messages = Self.unknownNames(run.keys, in: scenarios)
        for (stem, values) in files.sorted(by: { $0.key < $1.key }) {
            let file = scenarios.filter { $0.fileStem == stem }
            messages += Self.unknownNames(
                values.keys, in: file, prefix: "\(stem).", scope: "\(stem).yaml declares or uses no variable named")
        }
        return messages
    }

    /// One message per name of `given` that no file of `scenarios` declares or reads, naming the known names
    /// that look most like it.
    public static func unknownNames(
        _ given: some Collection<String>, in scenarios: [Scenario], prefix: String = "",
        scope: String = "no scenario of this run declares or uses a variable named"
    ) -> [String] {
        var known = ScenarioLoader.builtinVariables
        for scenario in scenarios {
            known.formUnion(scenario.variables.map(\.name))
            known.formUnion(scenario.usedVariables)
        }
        let candidates = known.filter { !$0.hasPrefix(ScenarioLoader.environmentPrefix) }.sorted()
        return given.filter { !known.contains($0) }.sorted().map { name in
            let related = Self.related(to: name, among: candidates)
            let shown = related.isEmpty ? "" : "; names like it: \(related.joined(separator: ", "))"
            return "--var \(prefix)\(name)=…: \(scope) '\(name)'"
                + "\(Suggestion.didYouMean(name, among: candidates))\(shown); "
                + "`csar-check vars` lists all \(candidates.count) with their meaning"
        }
    }

    /// Known names sharing a word with `name` (`username_field` → `email_field`, `name_field`), at most 12.
    static func related(to name: String, among candidates: [String]) -> [String] {
        let words = Set(name.lowercased().split(whereSeparator: { $0 == "_" || $0 == "-" || $0 == "." }))
        let scored = candidates.compactMap { candidate -> (String, Int)? in
            let shared = words.intersection(
                candidate.lowercased().split(whereSeparator: { $0 == "_" || $0 == "-" || $0 == "." }))
            return shared.isEmpty ? nil : (candidate, shared.count)
        }
        return scored.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(12).map(\.0)
    }
}
