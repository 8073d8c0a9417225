import Foundation

/// A python3 program a test starts in the background: it prints one line when it is ready (its port, or its
/// URL), then runs until its standard input closes — when the test calls ``stop(grace:)``, or when the test
/// process dies — so no server outlives its test. Every wait is bounded.
final class PythonProcess: @unchecked Sendable {
    /// The first line the program printed, without its line break.
    let firstLine: String
    private let process: Process
    private let input: Pipe
    private let errors: URL

    /// Runs `python3 ARGUMENTS` (a script path and its arguments, or `-c CODE …`) with `environment` on top of
    /// the test's, and waits at most `wait` seconds for its first line. What it writes on standard error goes
    /// to a file (a pipe nobody reads could fill up and block it), quoted when it does not start. `name` says
    /// which server in that message.
    init(_ arguments: [String], environment: [String: String] = [:], wait: TimeInterval = 10, name: String) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        errors = FileManager.default.temporaryDirectory.appendingPathComponent("csar-python-\(UUID().uuidString).txt")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        let line = LockedData()
        let ready = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            line.set(Self.readLine(from: output.fileHandleForReading))
            ready.signal()
        }
        let arrived = ready.wait(timeout: .now() + wait) == .success
        firstLine = String(decoding: line.get(), as: UTF8.self)
        guard arrived, !firstLine.isEmpty else {
            let exited = arrived ? "ended without printing its first line" : "printed nothing within \(Int(wait)) s"
            end(grace: 0)
            let stderr = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            try? FileManager.default.removeItem(at: errors)
            throw LocalServerError(
                message: "\(name) did not start: it \(exited)"
                    + (stderr.isEmpty ? "" : "; its standard error ends with:\n\(stderr.suffix(2000))"))
        }
    }

    /// Bytes up to the first line break or the end of the output.
    private static func readLine(from handle: FileHandle) -> Data {
        var line = Data()
        while let byte = try? handle.read(upToCount: 1), let first = byte.first, first != UInt8(ascii: "\n") {
            line.append(first)
        }
        return line
    }

    /// Closes the program's standard input, which ends it, and waits at most `grace` seconds before SIGKILL
    /// (not SIGTERM: a program started from a test's async context inherits a signal mask that blocks it).
    func stop(grace: TimeInterval = 5) {
        end(grace: grace)
        try? FileManager.default.removeItem(at: errors)
    }

    private func end(grace: TimeInterval) {
        try? input.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(grace)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
