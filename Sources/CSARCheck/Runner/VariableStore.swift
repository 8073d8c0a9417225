/// The values of variables during one scenario run; secret ones are registered with the masker.
final class VariableStore {
    private var values: [String: String] = [:]
    private let environment: [String: String]
    let masker: SecretMasker

    init(environment: [String: String], masker: SecretMasker) {
        self.environment = environment
        self.masker = masker
    }

    func set(_ name: String, _ value: String, secret: Bool) {
        values[name] = value
        if secret || SecretMasker.isSensitiveName(name) { masker.add(value) }
    }

    func lookup(_ name: String) -> String? {
        if name.hasPrefix(ScenarioLoader.environmentPrefix) {
            return environment[String(name.dropFirst(ScenarioLoader.environmentPrefix.count))]
        }
        return values[name]
    }

    func render(_ template: Template) throws(UndefinedVariable) -> String {
        try template.render(lookup)
    }
}
