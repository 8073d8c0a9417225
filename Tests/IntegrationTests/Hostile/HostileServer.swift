import CSARCheck
import Foundation
import XCTest

/// The misbehaving loopback server of `Tests/hostile-server/hostile_server.py` (python3), on an ephemeral
/// port: each path is one kind of misbehaviour (reset mid-body, garbage, hang, drip, broken chunking…).
/// It ends when the test stops it, when the test process dies (its standard input closes), or after
/// `lifetime` seconds.
final class HostileServer: @unchecked Sendable {
    let baseURL: String
    private let server: PythonProcess

    static let script = RepositoryPaths.root.appendingPathComponent("Tests/hostile-server/hostile_server.py").path

    /// Starts the server, over TLS when a certificate and key are given; waits at most 10 s for its port.
    static func start(certificate: String? = nil, key: String? = nil, lifetime: Int = 300) throws -> HostileServer {
        var arguments = [script, "--lifetime", String(lifetime)]
        if let certificate, let key { arguments += ["--cert", certificate, "--key", key] }
        let server = try PythonProcess(arguments, name: "the python3 hostile server")
        guard let port = Int(server.firstLine.trimmingCharacters(in: .whitespaces)) else {
            server.stop()
            throw LocalServerError(message: "the python3 hostile server printed '\(server.firstLine)', not its port")
        }
        let scheme = certificate == nil ? "http" : "https"
        return HostileServer(baseURL: "\(scheme)://127.0.0.1:\(port)", server: server)
    }

    private init(baseURL: String, server: PythonProcess) {
        self.baseURL = baseURL
        self.server = server
    }

    func url(_ path: String) -> String { baseURL + path }

    /// The requests the server received (request line and header lines), to prove what was never sent.
    func receivedRequests() throws -> [(line: String, headers: [String])] {
        let data = Data(try HTTPClient().send(HTTPRequest(url: url("/__requests"))).body)
        let entries = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        return entries.map { ($0["line"] as? String ?? "", $0["headers"] as? [String] ?? []) }
    }

    func stop() {
        server.stop()
    }
}
