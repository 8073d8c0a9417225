import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// A Hummingbird application running in a service group, on the port it reported once listening (the real
/// one when port 0 was asked for): how the doubles and the demo site start and stop.
public struct ListeningServices: Sendable {
    /// The TCP port the application listens on.
    public let port: Int
    private let group: ServiceGroup
    private let task: Task<Void, Never>

    /// Why the application did not come to listen.
    public enum Failure: Error {
        /// It ran but reported no port.
        case noPort
        /// It could not run: the address is taken, or not one of this machine's.
        case cannotListen(any Error)

        /// `cannot listen on 127.0.0.1:9010: the address is in use (another program listens there)`.
        public func message(host: String, port: Int) -> String {
            switch self {
            case .noPort:
                return "the server did not report a listening port"
            case .cannotListen(let error):
                let cause =
                    (error as? IOError)?.errnoCode == EADDRINUSE
                    ? "the address is in use (another program listens there)" : "\(error)"
                return "cannot listen on \(host):\(port): \(cause)"
            }
        }
    }

    /// Builds the application with `makeApplication` (given the callback its `onServerRunning` must call),
    /// runs it after `servicesBefore` (which then stop after it), and returns once it listens. On failure,
    /// everything started is stopped first.
    /// - Parameter gracePeriod: at most this long for a request or a WebSocket in flight at `stop()`.
    public static func start<App: ApplicationProtocol>(
        logger: Logger, gracePeriod: Duration, servicesBefore: [any Service] = [],
        application makeApplication: (_ onServerRunning: @escaping @Sendable (any Channel) async -> Void) -> App
    ) async throws(Failure) -> ListeningServices {
        let (ports, portContinuation) = AsyncThrowingStream.makeStream(of: Int.self)
        let application = makeApplication { channel in portContinuation.yield(channel.localAddress?.port ?? 0) }
        var configuration = ServiceGroupConfiguration(services: servicesBefore + [application], logger: logger)
        configuration.maximumGracefulShutdownDuration = gracePeriod
        let group = ServiceGroup(configuration: configuration)
        let task = Task {
            do {
                try await group.run()
                portContinuation.finish()
            } catch {
                portContinuation.finish(throwing: error)
            }
        }
        let failure: Failure
        do {
            var iterator = ports.makeAsyncIterator()
            if let port = try await iterator.next(), port > 0 {
                return ListeningServices(port: port, group: group, task: task)
            }
            failure = .noPort
        } catch {
            failure = .cannotListen(error)
        }
        await group.triggerGracefulShutdown()
        await task.value
        throw failure
    }

    /// Stops accepting connections, lets what is in flight finish within the grace period, and returns once
    /// everything is down. Calling it again does nothing.
    public func stop() async {
        await group.triggerGracefulShutdown()
        await task.value
    }
}
