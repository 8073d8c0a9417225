import ArgumentParser
import CSARCheck
import Foundation

/// `csar-check`: smoke, functional and load checks for the CSAR platform.
@main
struct CSARCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csar-check",
        abstract: "Smoke, functional and load checks for the CSAR platform, from declarative scenarios.",
        discussion: """
            Exit codes: 0 all checks passed, 1 a check failed, 2 usage or scenario-file error, \
            3 the target could not be reached.
            """,
        version: CSARCheckVersion.current,
        subcommands: [
            SmokeCommand.self, RunCommand.self, GateCommand.self, ValidateCommand.self, DemoCommand.self, ServeDemoCommand.self, LoadCommand.self,
        ]
    )

    /// Parses and runs, mapping argument errors to exit code 2 (ArgumentParser's default is 64).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as CommandFailure {
            ScenarioExecution.printError("error: \(failure.message)")
            Foundation.exit(failure.verdict.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success || error is ExitCode {
                exit(withError: error)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(code == .validationFailure ? RunVerdict.configurationError.rawValue : code.rawValue)
        }
    }
}
