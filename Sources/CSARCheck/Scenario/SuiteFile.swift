import Foundation
import Yams

/// A suite file lists scenario files to run together (the functional gate), relative to its folder:
///
/// ```yaml
/// suite: CSAR functional gate
/// scenarios: [smoke.yaml, demande-form.yaml, admin-login.yaml, warehouse-map.yaml]
/// ```
public struct SuiteFile: Sendable {
    public var path: String
    public var name: String
    public var description: String?
    /// Paths of the listed scenario files, resolved against the suite's folder.
    public var scenarioPaths: [String]
    /// `criteria:` and `warnings:` over the requests of the listed files, replacing the run-wide criteria (the
    /// runbook's defaults in `gate`) for those files.
    public var criteria: [Criterion]

    static let keys = ["suite", "description", "scenarios"] + CriteriaLoading.keys

    /// Reads `path` as a suite, or returns nil when it is a scenario file (no `suite:` key).
    public static func load(path: String) throws(ScenarioError) -> SuiteFile? {
        guard let text = try? SourceText.read(path),
            let root = try? YAMLComposer.compose(text),
            case .mapping(let mapping) = root,
            mapping.keys.contains(where: { $0.scalar?.string == "suite" })
        else { return nil }
        let reader = YAMLReader(file: path, text: text)
        let fields = try MappingFields(root, path: "", known: keys, reader: reader)
        let listNode = try fields.required("scenarios")
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        var paths: [String] = []
        for (index, node) in try ScalarReading.list(listNode, key: "scenarios", reader: reader).enumerated() {
            let entry = try ScalarReading.string(node, key: "scenarios[\(index)]", reader: reader)
            let resolved = entry.hasPrefix("/") ? entry : folder.appendingPathComponent(entry).path
            guard FileManager.default.fileExists(atPath: resolved) else {
                throw reader.error(at: node, key: "scenarios[\(index)]", "no such file: \(resolved)")
            }
            paths.append(resolved)
        }
        guard !paths.isEmpty else {
            throw reader.error(at: listNode, key: "scenarios", "a suite lists at least one scenario")
        }
        return SuiteFile(
            path: path, name: try fields.requiredString("suite"), description: try fields.string("description"),
            scenarioPaths: paths, criteria: try CriteriaLoading.criteria(fields)
        )
    }
}
