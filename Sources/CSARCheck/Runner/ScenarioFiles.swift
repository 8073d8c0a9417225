import Foundation

/// Finds scenario files: a directory stands for the `.yaml`/`.yml` files in it, sorted by name.
public enum ScenarioFiles {
    public static func expand(_ paths: [String]) -> [String] {
        paths.flatMap { path -> [String] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                return [path]
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
                .map { (path as NSString).appendingPathComponent($0) }
        }
    }

    /// Loads every file, collecting every file's error instead of stopping at the first.
    public static func load(_ paths: [String], loader: ScenarioLoader) -> Result<[Scenario], ScenarioErrors> {
        var scenarios: [Scenario] = []
        var errors: [ScenarioError] = []
        for path in paths {
            do {
                scenarios.append(try loader.load(file: path))
            } catch {
                errors.append(error)
            }
        }
        return errors.isEmpty ? .success(scenarios) : .failure(ScenarioErrors(errors))
    }
}
