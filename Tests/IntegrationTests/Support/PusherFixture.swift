import CSARCheck
import Foundation
import SideEffectDoubles
import XCTest

/// A Pusher server started for one test (app `1`, key `test-key`, secret `test-secret`) and stopped however the
/// test ends; with the peers that talk to it: a ``PusherConnection`` and the Python programs of
/// `Tests/PusherPeers`, which use Pusher's own server library (`pusher`) and a WebSocket client (`pysher`).
struct PusherFixture {
    static let appID = "1"
    static let key = "test-key"
    static let secret = "test-secret"

    let server: PusherServer

    static func with<Result>(_ body: (PusherFixture) async throws -> Result) async throws -> Result {
        let server = try await PusherServer.start(.init(appID: appID, key: key, secret: secret))
        do {
            let result = try await body(PusherFixture(server: server))
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    var endpoint: PusherEndpoint {
        PusherEndpoint(host: "127.0.0.1", port: server.port, key: Self.key, useTLS: false, connectTimeout: .seconds(5))
    }

    func connect() async throws -> PusherConnection {
        try await PusherConnection.connect(to: endpoint)
    }

    /// Signs as a Laravel site with the right secret would, by Pusher's formula.
    static let signingAuthorizer: PusherConnection.Authorizer = { socketID, channel in
        (PusherSignature.channelAuth(key: key, secret: secret, socketID: socketID, channel: channel), nil)
    }

    /// The subscriptions the server saw, as `(channel, outcome)`.
    func subscriptions() async -> [(channel: String, outcome: PusherServer.Outcome)] {
        await server.history().compactMap {
            if case .subscription(_, let channel, let outcome) = $0 { return (channel, outcome) }
            return nil
        }
    }

    func publishes() async -> [PusherServer.Publish] {
        await server.history().compactMap {
            if case .publish(let publish) = $0 { return publish }
            return nil
        }
    }

    // MARK: - Python peers

    /// The venv's python with `pusher` and `pysher`, from CSAR_PUSHER_PYTHON (scripts/test.sh sets it); the
    /// test is skipped without it, but fails in CI, where the peers must be there.
    static func python() throws -> String {
        guard let python = ProcessInfo.processInfo.environment["CSAR_PUSHER_PYTHON"], !python.isEmpty else {
            let reason = "CSAR_PUSHER_PYTHON (a python with the pusher and pysher packages) is not set"
            if ProcessInfo.processInfo.environment["CI"] != nil {
                throw NSError(domain: "PusherFixture", code: 1, userInfo: [NSLocalizedDescriptionKey: reason])
            }
            throw XCTSkip(reason)
        }
        return python
    }

    /// Runs `Tests/PusherPeers/SCRIPT` with the server's address and credentials first (`key` in place of
    /// the server's), and returns its output lines; it is killed past `timeout`.
    func runPeer(
        _ script: String, _ arguments: [String], key: String = PusherFixture.key, timeout: TimeInterval = 30
    ) async throws -> [String] {
        let python = try Self.python()
        let path = RepositoryPaths.root.appendingPathComponent("Tests/PusherPeers/\(script)").path
        let common = ["--port", "\(server.port)", "--app-id", Self.appID, "--key", key]
        let all = [path] + (script == "authenticate.py" ? arguments : common + arguments)
        let (status, output) = try await DedicatedThread.run {
            Result { try BoundedProcess.run(python, all, timeout: timeout) }
        }.get()
        let lines = output.split(separator: "\n").map(String.init)
        if status != 0, script != "listen.py" {
            XCTFail("\(script) exited with \(status): \(output)")
        }
        return lines
    }

    /// Subscription auth signed by the `pusher` library's `authenticate`, as a Laravel site's would be.
    static let pythonAuthorizer: PusherConnection.Authorizer = { socketID, channel in
        let python = try python()
        let path = RepositoryPaths.root.appendingPathComponent("Tests/PusherPeers/authenticate.py").path
        let arguments = [path, "--key", key, "--secret", secret, "--socket-id", socketID, "--channel", channel]
        let (status, output) = try await DedicatedThread.run {
            Result { try BoundedProcess.run(python, arguments, timeout: 20) }
        }.get()
        guard status == 0, let answer = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any],
            let auth = answer["auth"] as? String
        else { throw PusherPeerError(message: "authenticate.py: \(output)") }
        return (auth, answer["channel_data"] as? String)
    }
}

struct PusherPeerError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
