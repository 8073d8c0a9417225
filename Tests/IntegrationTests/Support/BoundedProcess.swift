import Foundation
import XCTest

/// A program other than csar-check (ab, a shell running a documented command line, curl) run to its end within
/// a bound: past it, it is stopped and the test fails, since a hang is what these tests look for.
enum BoundedProcess {
    static func run(
        _ executable: String, _ arguments: [String], directory: URL? = nil, environment: [String: String]? = nil,
        timeout: TimeInterval
    ) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = LockedData()
        let reader = Thread { output.set(pipe.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            XCTFail("\(executable) \(arguments.joined(separator: " ")) did not end within \(timeout) s")
        }
        process.waitUntilExit()
        while !reader.isFinished { Thread.sleep(forTimeInterval: 0.01) }
        return (process.terminationStatus, String(decoding: output.get(), as: UTF8.self))
    }
}
