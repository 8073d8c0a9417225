import CSARCheck
import Foundation
import XCTest

/// The misbehaving loopback server of `Tests/hostile-server/hostile_server.py` (python3), on an ephemeral
/// port: each path is one kind of misbehaviour (reset mid-body, garbage, hang, drip, broken chunking…).
/// It ends when the test stops it, when the test process dies (its standard input closes), or after
/// `lifetime` seconds.
final class HostileServer: @unchecked Sendable {
    let baseURL: String
    private let process: Process
    private let input: Pipe

    static let script = RepositoryPaths.root.appendingPathComponent("Tests/hostile-server/hostile_server.py").path

    /// Starts the server, over TLS when a certificate and key are given; waits at most 10 s for its port.
    static func start(certificate: String? = nil, key: String? = nil, lifetime: Int = 300) throws -> HostileServer {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        var arguments = ["python3", script, "--lifetime", String(lifetime)]
        if let certificate, let key { arguments += ["--cert", certificate, "--key", key] }
        process.arguments = arguments
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let line = LockedData()
        let ready = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            line.set(output.fileHandleForReading.availableData)
            ready.signal()
        }
        let text = ready.wait(timeout: .now() + 10) == .success ? String(decoding: line.get(), as: UTF8.self) : ""
        guard let port = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            process.terminate()
            throw LocalServerError(message: "the python3 hostile server did not start: '\(text)'")
        }
        let scheme = certificate == nil ? "http" : "https"
        return HostileServer(baseURL: "\(scheme)://127.0.0.1:\(port)", process: process, input: input)
    }

    private init(baseURL: String, process: Process, input: Pipe) {
        self.baseURL = baseURL
        self.process = process
        self.input = input
    }

    func url(_ path: String) -> String { baseURL + path }

    /// The requests the server received (request line and header lines), to prove what was never sent.
    func receivedRequests() throws -> [(line: String, headers: [String])] {
        let data = Data(try HTTPClient().send(HTTPRequest(url: url("/__requests"))).body)
        let entries = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        return entries.map { ($0["line"] as? String ?? "", $0["headers"] as? [String] ?? []) }
    }

    func stop() {
        try? input.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate() }
    }
}
