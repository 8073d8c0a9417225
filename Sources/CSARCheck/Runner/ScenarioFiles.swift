import Foundation

/// Turns command-line paths into scenario files: a folder stands for its `.yaml`/`.yml` scenario files
/// (sorted, suites left out so nothing runs twice), a suite file for the files it lists.
public enum ScenarioFiles {
    /// The scenario files of a run, in order, and the suites named on the command line that brought them.
    public struct Resolution: Sendable {
        public var paths: [String] = []
        /// Each suite with the positions of its files in `paths`, read once here.
        public var suites: [SuiteScope] = []
    }

    public static func resolve(_ paths: [String]) -> Result<Resolution, ScenarioErrors> {
        var resolution = Resolution()
        var errors: [ScenarioError] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                errors.append(
                    ScenarioError(
                        location: .init(file: path, line: 1, column: 1), key: "", message: "no such file or folder"))
                continue
            }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                    let file = (path as NSString).appendingPathComponent(name)
                    do {
                        if try SuiteFile.load(path: file) == nil { resolution.paths.append(file) }
                    } catch {
                        errors.append(error)
                    }
                }
                continue
            }
            do {
                guard let suite = try SuiteFile.load(path: path) else {
                    resolution.paths.append(path)
                    continue
                }
                let first = resolution.paths.count
                resolution.paths += suite.scenarioPaths
                resolution.suites.append(
                    SuiteScope(name: suite.name, criteria: suite.criteria, files: first..<resolution.paths.count))
            } catch {
                errors.append(error)
            }
        }
        return errors.isEmpty ? .success(resolution) : .failure(ScenarioErrors(errors))
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
