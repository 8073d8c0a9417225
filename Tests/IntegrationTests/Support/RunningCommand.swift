import Foundation
import XCTest

/// The built `csar-check` binary running in the background, its output read as it comes (through one
/// pipe for both streams, as a CI log sees them with `2>&1`), so a test can wait for a line, send a
/// signal and wait for the end. Every wait is bounded.
final class RunningCommand: @unchecked Sendable {
    private let process: Process
    private let lock = NSLock()
    private var collected = Data()
    private let finishedReading = DispatchSemaphore(value: 0)

    init(_ arguments: [String], environment: [String: String] = [:], directory: URL? = nil) throws {
        process = CommandLineRun.process(arguments, environment: environment, directory: directory)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let reader = pipe.fileHandleForReading
        Thread.detachNewThread { [self] in
            while true {
                let chunk = reader.availableData
                if chunk.isEmpty { break }
                lock.withLock { collected.append(chunk) }
            }
            finishedReading.signal()
        }
    }

    var output: String { lock.withLock { String(decoding: collected, as: UTF8.self) } }

    /// Waits until the output contains `text`; false after `timeout` seconds or when the process ended first.
    func waitForOutput(containing text: String, timeout: TimeInterval = 30) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if output.contains(text) { return true }
            if !process.isRunning { return output.contains(text) }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    func send(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    var isRunning: Bool { process.isRunning }
    var processIdentifier: Int32 { process.processIdentifier }

    /// Waits for the end (at most `timeout` seconds, then kills it and fails) and returns the exit code.
    func waitForExit(timeout: TimeInterval = 20, file: StaticString = #filePath, line: UInt = #line) -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            XCTFail("csar-check did not end within \(timeout) s:\n\(output)", file: file, line: line)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        _ = finishedReading.wait(timeout: .now() + 5)
        return process.terminationStatus
    }
}
