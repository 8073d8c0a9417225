import ArgumentParser
import CSARCheck
import Foundation

/// A command that sends requests: the first SIGINT, SIGTERM or SIGHUP stops the run and its reports are
/// written (see `InterruptSignal`), as does reaching `--max-time`.
protocol SendsRequests {
    /// `--max-time`: the time allowed for the whole run, nil for none.
    var maxTime: DurationArgument? { get }
}

extension SendsRequests {
    var maxTime: DurationArgument? { nil }
}

/// A command that serves until a signal stops it (`serve-demo`, `doubles`): it handles the signals itself.
protocol ServesUntilStopped {}

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
        if !(command is ServesUntilStopped) { InterruptSignal.install(command is SendsRequests ? .run : .command) }
        if let limit = (command as? SendsRequests)?.maxTime { InterruptSignal.stop(after: limit) }
        guard command is AsyncParsableCommand else {
            var blocking = command
            do { try blocking.run() } catch { fail(with: error) }
            end(with: 0)
        }
        Task {
            // Parsed again inside the task, where the command may live: commands are not `Sendable`.
            do {
                if var asyncCommand = try parseAsRoot() as? AsyncParsableCommand { try await asyncCommand.run() }
            } catch {
                fail(with: error)
            }
            end(with: 0)
        }
        dispatchMain()
    }

    /// Exits with `code`, or with 130 when a signal came that the command did not stop for (a short command,
    /// or one near its end): every command a signal interrupts exits 130 and says so.
    private static func end(with code: Int32) -> Never {
        if code != RunVerdict.interrupted.rawValue, let signal = InterruptSignal.receivedName {
            ScenarioExecution.printError(
                "error: interrupted by \(signal); the command finished its work first (its output is whole; it "
                    + "would have exited \(code))")
            Foundation.exit(RunVerdict.interrupted.rawValue)
        }
        Foundation.exit(code)
    }

    /// Prints what went wrong and exits with the code the error stands for.
    private static func fail(with error: Error) -> Never {
        if let failure = error as? CommandFailure {
            ScenarioExecution.printError("error: \(failure.message)")
            end(with: failure.verdict.rawValue)
        }
        let code = exitCode(for: error)
        if let exit = error as? ExitCode { end(with: exit.rawValue) }
        if code == .success { exit(withError: error) }
        FileHandle.standardError.write(Data((fullMessage(for: error).terminalSafeKeepingLines + "\n").utf8))
        end(with: code == .validationFailure ? RunVerdict.configurationError.rawValue : code.rawValue)
    }
}
