/// `csar-check vars`: every variable of some scenario files — its default (or the environment variable it
/// comes from), whether it is required or secret, and what it means — file by file, since a name may mean a
/// different field in two files (`--var FILE.name=…` then sets it in one).
public enum VariableListing {
    public static func render(_ scenarios: [Scenario]) -> String {
        var text = ""
        for scenario in scenarios where !scenario.variables.isEmpty {
            text +=
                "\n\(scenario.fileStem.terminalSafe) — \(scenario.name.terminalSafe) (\(scenario.file.terminalSafe))\n"
            let width = min(28, scenario.variables.map(\.name.count).max() ?? 0)
            for variable in scenario.variables {
                text += "  \(variable.name.terminalSafe.padded(to: width))  \(origin(of: variable).terminalSafe)\n"
                for line in wrapped(variable.description ?? "", width: 94) { text += "      \(line.terminalSafe)\n" }
            }
        }
        let shared = sharedNames(scenarios)
        text += "\n--var NAME=VALUE sets NAME in every file; --var FILE.NAME=VALUE in that file only"
        text +=
            shared.isEmpty
            ? ".\n" : ",\nfor names several files declare: \(shared.joined(separator: ", ").terminalSafe).\n"
        text += "Also defined in every file: \(ScenarioLoader.builtinVariables.sorted().joined(separator: ", ")); "
        text += "{{ env.NAME }} reads the environment (or --env-file).\n"
        return text
    }

    /// The default as written, or where the value comes from.
    static func origin(of variable: VariableDefinition) -> String {
        var notes: [String] = []
        let value: String
        switch variable.source {
        case .value(let template):
            value = template.source.isEmpty ? "\"\" (empty)" : template.source
        case .environment(let name, let fallback):
            value = "from $\(name)" + (fallback.map { ", else \($0.source.isEmpty ? "\"\"" : $0.source)" } ?? "")
            if fallback == nil { notes.append("required") }
        }
        if variable.secret { notes.append("secret") }
        return value + (notes.isEmpty ? "" : " (\(notes.joined(separator: ", ")))")
    }

    /// `text` in lines of at most `width` characters, cut between words.
    static func wrapped(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        return line.isEmpty ? lines : lines + [line]
    }

    /// Names declared by more than one file, which `--var NAME=…` sets in all of them.
    static func sharedNames(_ scenarios: [Scenario]) -> [String] {
        var files: [String: Int] = [:]
        for scenario in scenarios {
            for name in Set(scenario.variables.map(\.name)) { files[name, default: 0] += 1 }
        }
        return files.filter { $0.value > 1 }.keys.sorted()
    }
}
