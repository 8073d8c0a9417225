import Foundation
import XCTest

/// Runs the built `csar-check` binary as a user would, capturing its output and exit code.
struct CommandLineRun {
    var exitCode: Int32
    var stdout: String
    var stderr: String

    var output: String { stdout + stderr }

    static func run(
        _ arguments: [String], environment: [String: String] = [:], timeout: TimeInterval = 120, directory: URL? = nil,
        executable: String? = nil
    ) throws -> CommandLineRun {
        let process = Self.process(arguments, environment: environment, directory: directory, executable: executable)
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read while it runs so a full pipe never blocks the child.
        let stdoutData = LockedData()
        let stderrData = LockedData()
        let group = DispatchGroup()
        for (pipe, sink) in [(out, stdoutData), (err, stderrData)] {
            group.enter()
            DispatchQueue.global().async {
                sink.set(pipe.fileHandleForReading.readDataToEndOfFile())
                group.leave()
            }
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            _ = group.wait(timeout: .now() + 5)
            throw CommandTimedOut(
                description: "\(process.executableURL?.lastPathComponent ?? "csar-check") "
                    + "\(arguments.joined(separator: " ")) did not finish within \(timeout) s; its output:\n"
                    + String(decoding: stdoutData.get() + stderrData.get(), as: UTF8.self))
        }
        group.wait()
        return CommandLineRun(
            exitCode: process.terminationStatus,
            stdout: String(decoding: stdoutData.get(), as: UTF8.self),
            stderr: String(decoding: stderrData.get(), as: UTF8.self)
        )
    }

    /// The built binary (or `executable`) as the tests start it: in the repository (or `directory`), without
    /// the caller's CSAR_BASE_URL, without colours, with `environment` on top.
    static func process(
        _ arguments: [String], environment: [String: String] = [:], directory: URL? = nil, executable: String? = nil
    ) -> Process {
        let process = Process()
        process.executableURL = executable.map(URL.init(fileURLWithPath:)) ?? RepositoryPaths.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? RepositoryPaths.root
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "CSAR_BASE_URL")
        env["NO_COLOR"] = "1"
        process.environment = env.merging(environment) { _, new in new }
        return process
    }
}

/// A command that did not end within its time. Thrown, it fails the test: a hang (an input that loops, a
/// server that never answers) is one of the faults the tests are there to catch, not a reason to skip them.
struct CommandTimedOut: Error, CustomStringConvertible {
    var description: String
}

/// Data written by one thread and read by another after a barrier.
final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func set(_ value: Data) { lock.withLock { data = value } }
    func get() -> Data { lock.withLock { data } }
}

enum TemporaryFolder {
    static func make() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("csar-check-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// External validators the tests use: xmllint (libxml2-utils) against the JUnit schema kept in `Tests/Data`.
enum Validators {
    static let junitSchema = RepositoryPaths.root.appendingPathComponent("Tests/Data/junit.xsd").path

    static func xmllint(_ file: String) throws -> (ok: Bool, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xmllint", "--noout", "--schema", junitSchema, file]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus == 0, output)
    }
}
