/// Renders the settings of a side-effect step when it runs: a value that is missing throws `.undefined` (the
/// step is not run), a `within:` that is no duration `.invalid` (the step fails).
struct SideEffectRendering {
    let variables: VariableStore

    func text(_ template: Template) throws(WaitTimeError) -> String {
        do {
            return try variables.render(template)
        } catch {
            throw .undefined(error)
        }
    }

    /// Nil when the key is absent or renders empty.
    func optional(_ template: Template?) throws(WaitTimeError) -> String? {
        guard let template else { return nil }
        let value = try text(template)
        return value.isEmpty ? nil : value
    }

    /// The texts that do not render empty (`contains:`).
    func texts(_ templates: [Template]) throws(WaitTimeError) -> [String] {
        var texts: [String] = []
        for template in templates { texts.append(try text(template)) }
        return texts.filter { !$0.isEmpty }
    }

    func seconds(_ within: WaitTime) throws(WaitTimeError) -> Double {
        try within.seconds(render: variables.render)
    }

    /// ` containing 'CSAR-2026-000123' and 'Awa'`, or nothing for no texts.
    static func containing(_ texts: [String]) -> String {
        texts.isEmpty ? "" : " containing " + texts.map { "'\($0)'" }.joined(separator: " and ")
    }
}
