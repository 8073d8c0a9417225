import ArgumentParser
import CSARCheck
import Foundation

/// A command that sends requests: SIGINT, SIGTERM and SIGHUP stop it cleanly (see `InterruptSignal`).
protocol SendsRequests {
    /// `--max-time`: the time allowed for the whole run, nil for none.
    var maxTime: DurationArgument? { get }
}

extension SendsRequests {
    var maxTime: DurationArgument? { nil }
}

/// `csar-check`: smoke, functional and load checks for the CSAR platform.
@main
struct CSARCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csar-check",
        abstract: "Smoke, functional and load checks for the CSAR platform, from declarative scenarios.",
        discussion: """
            Exit codes: 0 all checks passed, 1 a check failed, 2 usage or scenario-file error (or reports \
            that cannot be written), 3 the target could not be reached, 130 interrupted (SIGINT, SIGTERM or \
            SIGHUP, or --max-time reached: the run stopped cleanly and wrote its partial reports; a second signal \
            exits at once).
            """,
        version: CSARCheckVersion.current,
        subcommands: [
            SmokeCommand.self, RunCommand.self, GateCommand.self, ValidateCommand.self, VarsCommand.self,
            DemoCommand.self,
            ServeDemoCommand.self, DoublesCommand.self,
            LoadCommand.self,
            HistoryCommand.self, TrendCommand.self, NightlyCommand.self,
        ]
    )

    /// Parses and runs, mapping argument errors to exit code 2 (ArgumentParser's default is 64).
    ///
    /// Synchronous on purpose: an `async` main starts Swift's executor threads before the first line of
    /// the command, and `load` runs fastest in a process with a single thread (see `LoadEngine.run`).
    /// Commands that need concurrency get it here: their task runs while the main queue is served.
    static func main() {
        InterruptSignal.unblock()
        StandardOutput.flushEachLine()
        let command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            fail(with: error)
        }
        if let sender = command as? SendsRequests {
            InterruptSignal.install()
            if let limit = sender.maxTime { InterruptSignal.stop(after: limit) }
        }
        guard command is AsyncParsableCommand else {
            var blocking = command
            do { try blocking.run() } catch { fail(with: error) }
            Foundation.exit(0)
        }
        Task {
            // Parsed again inside the task, where the command may live: commands are not `Sendable`.
            do {
                if var asyncCommand = try parseAsRoot() as? AsyncParsableCommand { try await asyncCommand.run() }
            } catch {
                fail(with: error)
            }
            Foundation.exit(0)
        }
        dispatchMain()
    }

    /// Prints what went wrong and exits with the code the error stands for.
    private static func fail(with error: Error) -> Never {
        if let failure = error as? CommandFailure {
            ScenarioExecution.printError("error: \(failure.message)")
            Foundation.exit(failure.verdict.rawValue)
        }
        let code = exitCode(for: error)
        if code == .success || error is ExitCode {
            exit(withError: error)
        }
        FileHandle.standardError.write(Data((fullMessage(for: error).terminalSafeKeepingLines + "\n").utf8))
        Foundation.exit(code == .validationFailure ? RunVerdict.configurationError.rawValue : code.rawValue)
    }
}
