import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization

/// A stand-in for Orange's SMS API that accepts everything and records what it received: `POST /oauth/v3/token`
/// answers a token, `POST /smsmessaging/v1/outbound/{sender}/requests` answers 201.
final class SMSEndpointRecorder: Sendable {
    struct Received: Sendable {
        var path: String
        var headers: [String: String]
        var body: String
    }

    private final class Log: Sendable {
        let entries = Mutex<[Received]>([])
    }

    let port: Int
    private let log: Log
    private let group: ServiceGroup
    private let task: Task<Void, Never>

    private init(port: Int, log: Log, group: ServiceGroup, task: Task<Void, Never>) {
        self.port = port
        self.log = log
        self.group = group
        self.task = task
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// What it received so far, oldest first.
    var requests: [Received] { log.entries.withLock { $0 } }

    /// Runs `body` with an endpoint started for it, and stops the endpoint however `body` ends.
    static func with<Result>(_ body: (SMSEndpointRecorder) async throws -> Result) async throws -> Result {
        let recorder = try await start()
        do {
            let result = try await body(recorder)
            await recorder.stop()
            return result
        } catch {
            await recorder.stop()
            throw error
        }
    }

    private static func start() async throws -> SMSEndpointRecorder {
        let log = Log()
        let router = Router()
        router.post("/**") { request, _ in
            var request = request
            let body = try await request.collectBody(upTo: 1 << 20)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            // The request target as sent, not decoded, to see the sender's escaping.
            let path = String((request.head.path ?? "").prefix { $0 != "?" })
            log.entries.withLock { $0.append(Received(path: path, headers: headers, body: String(buffer: body))) }
            let answer =
                path.hasSuffix("/oauth/v3/token")
                ? (HTTPResponse.Status.ok, #"{"token_type":"Bearer","access_token":"sms-token","expires_in":3600}"#)
                : (.created, #"{"outboundSMSMessageRequest":{"resourceURL":"http://127.0.0.1/requests/1"}}"#)
            return Response(
                status: answer.0, headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: answer.1)))
        }
        var logger = Logger(label: "sms-endpoint-recorder")
        logger.logLevel = .warning
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let application = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { portContinuation.yield($0.localAddress?.port ?? 0) }, logger: logger)
        let group = ServiceGroup(configuration: .init(services: [application], logger: logger))
        let task = Task {
            try? await group.run()
            portContinuation.finish()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            await group.triggerGracefulShutdown()
            throw SMSEndpointError()
        }
        return SMSEndpointRecorder(port: port, log: log, group: group, task: task)
    }

    func stop() async {
        await group.triggerGracefulShutdown()
        await task.value
    }
}

struct SMSEndpointError: Error {}
