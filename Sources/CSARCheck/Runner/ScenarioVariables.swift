import Foundation

/// The values a scenario's variables take before its first step — built-ins, the file's declared values
/// and environment variables, `--var` (a file's own over the run's) — set into a `VariableStore`. Shared by
/// the run and by its preflight, so both see the same values.
enum ScenarioVariables {
    /// Sets every variable `scenario` declares and every `--var` into `variables`; returns the declared
    /// environment variables that are not set and have no default (their variables stay unset), and the
    /// scenario's base URL when it could be rendered.
    static func prepare(
        _ scenario: Scenario, configuration: RunConfiguration, into variables: VariableStore
    ) -> (baseURL: String?, missing: [VariableDefinition]) {
        variables.setBuiltins(from: configuration)
        let given = configuration.variables(for: scenario)
        var missing: [VariableDefinition] = []
        for definition in scenario.variables {
            if let override = given[definition.name] {
                variables.set(definition.name, override, secret: definition.secret)
                continue
            }
            switch definition.source {
            case .value(let template):
                let value = (try? variables.render(template)) ?? template.source
                variables.set(definition.name, value, secret: definition.secret)
            case .environment(let name, let fallback):
                let rendered = fallback.map { (try? variables.render($0)) ?? $0.source }
                guard let value = configuration.environment[name] ?? rendered else {
                    missing.append(definition)
                    continue
                }
                variables.set(definition.name, value, secret: definition.secret)
            }
        }
        for (name, value) in given where scenario.variables.allSatisfy({ $0.name != name }) {
            variables.set(name, value, secret: false)
        }
        guard let template = scenario.baseURL else { return (configuration.baseURL, missing) }
        guard let rendered = try? variables.render(template) else { return (nil, missing) }
        variables.setBaseURL(rendered)
        return (rendered, missing)
    }

    /// The error a missing environment variable is reported with.
    static func missingError(_ definition: VariableDefinition) -> ScenarioError {
        guard case .environment(let name, _) = definition.source else {
            preconditionFailure("only environment variables can be missing")
        }
        return ScenarioError(
            location: definition.location, key: "variables.\(definition.name)",
            message: "environment variable \(name) is not set (export it, put it in the .env file, "
                + "or pass --var \(definition.name)=…)"
        )
    }
}

/// What `when:` reads as false: an empty value, `false`, `no`, `off` or `0` (any case, spaces trimmed).
enum StepCondition {
    static func holds(_ value: String) -> Bool {
        !["", "false", "no", "off", "0"].contains(value.trimmingEdges(of: " \t\r\n").lowercased())
    }
}
