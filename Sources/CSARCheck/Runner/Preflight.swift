import Foundation

/// What the scenarios of a run need before their first request — environment values, `{{ env.NAME }}`
/// values, attachments — checked for every file and step that will run, so that all that is missing is
/// reported at once, before anything is sent, instead of one at a time after the other steps and loads ran.
/// Steps left out by `--skip` or by a `when:` that is already known to be false need nothing, nor do the
/// side-effect steps (`mail:`, `sms:`, `subscribe:`, `expect_event:`), which are reported not run instead.
public enum Preflight {
    /// Every problem of `scenarios` under `configuration`, in file order.
    public static func problems(_ scenarios: [Scenario], configuration: RunConfiguration) -> [ScenarioError] {
        scenarios.flatMap { problems(of: $0, configuration: configuration) }
    }

    static func problems(of scenario: Scenario, configuration: RunConfiguration) -> [ScenarioError] {
        let variables = VariableStore(environment: configuration.environment, masker: SecretMasker())
        let (_, missing) = ScenarioVariables.prepare(scenario, configuration: configuration, into: variables)
        let running = scenario.steps.enumerated().filter { _, step in mayRun(step, configuration, variables) }
        // A side-effect step whose settings are missing is not run, and said so, when its turn comes: its
        // settings are no reason to stop the run.
        let needed = neededNames(scenario, steps: running.map(\.element).filter { $0.sideEffect == nil })
        var problems = missing.filter { needed.contains($0.name) }.map(ScenarioVariables.missingError)
        let environment = ScenarioLoader.environmentPrefix
        for name in needed.sorted() where name.hasPrefix(environment) {
            let variable = String(name.dropFirst(environment.count))
            guard configuration.environment[variable] == nil else { continue }
            let user = running.first { $0.element.usedVariables.contains(name) }
            problems.append(
                ScenarioError(
                    location: user?.element.location ?? .init(file: scenario.file, line: 1, column: 1),
                    key: user.map { "steps[\($0.offset)]" } ?? "",
                    message:
                        "environment variable \(variable) is not set (read as {{ \(name) }}): export it, or put it "
                        + "in the .env file"))
        }
        for (index, step) in running {
            problems += attachmentProblems(step, index: index, scenario: scenario, variables: variables)
        }
        return problems
    }

    /// False only when the step is known not to run: a `--skip` tag, or a `when:` false before any step ran.
    private static func mayRun(_ step: Step, _ configuration: RunConfiguration, _ variables: VariableStore) -> Bool {
        if configuration.selection.skipReason(for: step) != nil { return false }
        guard let condition = step.condition, let value = try? variables.render(condition) else { return true }
        return StepCondition.holds(value)
    }

    /// The names the steps that run read, with those read outside the steps, and every name the declared
    /// values read in turn.
    private static func neededNames(_ scenario: Scenario, steps: [Step]) -> Set<String> {
        var needed = scenario.usedOutsideSteps.union(steps.flatMap(\.usedVariables))
        var pending = Array(needed)
        while let name = pending.popLast() {
            guard let definition = scenario.variables.first(where: { $0.name == name }),
                case .value(let template) = definition.source
            else { continue }
            for read in template.variableNames where needed.insert(read).inserted { pending.append(read) }
        }
        return needed
    }

    /// Files the step attaches that cannot be read; a path that needs a value captured at run time is checked
    /// when the step runs.
    private static func attachmentProblems(
        _ step: Step, index: Int, scenario: Scenario, variables: VariableStore
    ) -> [ScenarioError] {
        var attachments: [(key: String, field: MultipartField)] = []
        if let submission = step.submitForm {
            attachments += submission.files.map { ("steps[\(index)].submit_form.files.\($0.name.source)", $0) }
        }
        if case .multipart(let fields) = step.body {
            attachments += fields.map { ("steps[\(index)].multipart.\($0.name.source)", $0) }
        }
        return attachments.compactMap { key, field in
            guard case .file(let path, _, _) = field.value, (try? variables.render(field.name))?.isEmpty == false,
                let rendered = try? variables.render(path),
                let problem = BodyLoading.attachmentProblem(rendered, scenarioFile: scenario.file)
            else { return nil }
            return ScenarioError(location: step.location, key: key, message: problem)
        }
    }
}
