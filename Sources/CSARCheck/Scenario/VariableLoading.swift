import Yams

/// Reads the `variables:` section: `name: value`, or `name: { env: NAME, default: …, secret: true }`, each
/// described by its `description:` or by the comment lines right above it.
enum VariableLoading {
    static func definitions(
        _ fields: MappingFields, scope: inout VariableScope
    ) throws(ScenarioError) -> [VariableDefinition] {
        guard let node = fields.value("variables") else { return [] }
        let reader = fields.reader
        let entries = try MappingFields(node, path: "variables", known: [], reader: reader)
        var definitions: [VariableDefinition] = []
        for (name, keyNode, value) in entries.all {
            let key = "variables.\(name)"
            guard Template.isValidName(name), !name.hasPrefix(ScenarioLoader.environmentPrefix) else {
                throw reader.error(at: keyNode, key: key, "'\(name)' is not a valid variable name")
            }
            let location = reader.location(of: keyNode)
            if case .mapping = value {
                let spec = try MappingFields(
                    value, path: key, known: ["value", "env", "default", "secret", "description"], reader: reader)
                let secret = try spec.bool("secret") ?? false
                let description = try spec.string("description") ?? reader.comment(above: keyNode)
                if let environmentName = try spec.string("env") {
                    let fallback = try spec.template("default")
                    if let fallback, let node = spec.value("default") {
                        try scope.check(fallback, at: node, key: spec.keyPath("default"))
                    }
                    let source = VariableDefinition.Source.environment(name: environmentName, fallback: fallback)
                    definitions.append(
                        .init(
                            name: name, source: source, secret: secret, location: location, description: description))
                } else {
                    let template = try spec.template("value") ?? Template(literal: "")
                    if spec.value("value") == nil {
                        throw reader.error(at: value, key: key, "give either 'value' or 'env'")
                    }
                    try scope.check(template, at: value, key: key)
                    definitions.append(
                        .init(
                            name: name, source: .value(template), secret: secret, location: location,
                            description: description))
                }
            } else {
                let template = try scope.template(value, key: key)
                definitions.append(
                    .init(
                        name: name, source: .value(template), secret: false, location: location,
                        description: reader.comment(above: keyNode)))
            }
            scope.define(name)
        }
        return definitions
    }
}
