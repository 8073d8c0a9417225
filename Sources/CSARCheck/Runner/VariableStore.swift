import Foundation

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
        if secret || SecretMasker.isSensitiveVariableName(name) { masker.add(value) }
    }

    /// The variables every run has: `base_url`, `base_host`, `run_id`, `timestamp`.
    func setBuiltins(from configuration: RunConfiguration) {
        setBaseURL(configuration.baseURL)
        set("run_id", configuration.runID, secret: false)
        set("timestamp", String(Int(Date().timeIntervalSince1970)), secret: false)
    }

    /// `base_url`, and `base_host`: its host name without the port (an IPv6 address in brackets), from which
    /// a file can name the site's other origins (`http://{{ base_host }}`, the plain-HTTP redirect).
    func setBaseURL(_ url: String) {
        set("base_url", url, secret: false)
        let host = Origin(url: url).map { $0.host.contains(":") ? "[\($0.host)]" : $0.host } ?? ""
        set("base_host", host, secret: false)
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
