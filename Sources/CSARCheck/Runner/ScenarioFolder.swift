import Foundation

/// The folder of the shipped scenarios (`gate.yaml`, `smoke.yaml`, …) that `gate`, `smoke`, `nightly` and
/// `demo` run, found in this order: `--scenarios DIR`; `./Scenarios` in the current folder (a checkout of
/// csar-check, or a project's own copy); `$CSAR_SCENARIOS`; the folder installed with the binary,
/// `share/csar-check/scenarios` beside its `bin/` (`/usr/share/csar-check/scenarios` for the Debian package,
/// `/usr/local/share/…` for `/usr/local/bin`). The run says which it used.
public struct ScenarioFolder: Sendable, Equatable {
    /// How the folder was found.
    public enum Origin: String, Sendable {
        case option = "--scenarios"
        case currentDirectory = "./Scenarios"
        case environment = "CSAR_SCENARIOS"
        case installed = "installed with csar-check"
    }

    public var path: String
    public var origin: Origin

    public init(path: String, origin: Origin) {
        self.path = path
        self.origin = origin
    }

    /// `Scenarios: /usr/share/csar-check/scenarios (installed with csar-check)`.
    public var description: String { "Scenarios: \(path) (\(origin.rawValue))" }

    /// The folder installed with `executable`: `../share/csar-check/scenarios` from the folder holding it,
    /// symbolic links resolved.
    public static func installed(beside executable: String) -> String {
        let binary = URL(fileURLWithPath: executable).resolvingSymlinksInPath()
        return binary.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("share/csar-check/scenarios").path
    }

    /// The path of the running binary (`/proc/self/exe` on Linux), for `installed(beside:)`.
    public static var runningExecutable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// The folder to use, or why there is none: an explicit `--scenarios` or `$CSAR_SCENARIOS` that is not
    /// a folder is an error even when another place has one (the user meant that one).
    public static func locate(
        option: String?, currentDirectory: String = FileManager.default.currentDirectoryPath,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executable: String = runningExecutable
    ) -> Result<ScenarioFolder, ScenarioFolderError> {
        if let option {
            return isFolder(option)
                ? .success(.init(path: option, origin: .option)) : .failure(.notAFolder(option, "--scenarios"))
        }
        let local = URL(fileURLWithPath: currentDirectory).appendingPathComponent("Scenarios").path
        if isFolder(local) { return .success(.init(path: "Scenarios", origin: .currentDirectory)) }
        if let variable = environment["CSAR_SCENARIOS"], !variable.isEmpty {
            return isFolder(variable)
                ? .success(.init(path: variable, origin: .environment))
                : .failure(.notAFolder(variable, "CSAR_SCENARIOS"))
        }
        let installed = installed(beside: executable)
        if isFolder(installed) { return .success(.init(path: installed, origin: .installed)) }
        return .failure(.none(looked: [local, "$CSAR_SCENARIOS (not set)", installed]))
    }

    private static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}

/// Why no scenario folder could be used.
public enum ScenarioFolderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `--scenarios` or `$CSAR_SCENARIOS` names something that is not a folder.
    case notAFolder(String, String)
    /// Nothing in the search order: where it looked.
    case none(looked: [String])

    public var description: String {
        switch self {
        case .notAFolder(let path, let source):
            return "\(source) \(path): no such folder"
        case .none(let looked):
            return "no scenario folder: looked in \(looked.joined(separator: ", ")); pass --scenarios DIR, set "
                + "CSAR_SCENARIOS, or install csar-check with its scenarios (scripts/package-deb.sh)"
        }
    }
}
