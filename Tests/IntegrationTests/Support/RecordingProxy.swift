import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A TCP forwarder on 127.0.0.1 (port chosen by the system) in front of a loopback server, keeping a copy of
/// every byte the server sent: what a client behind it was told, headers and bodies, on every connection.
final class RecordingProxy: @unchecked Sendable {
    let port: Int
    private let targetPort: Int
    private let listener: Int32
    private let lock = NSLock()
    private var connections: [[UInt8]] = []
    private var openSockets: Set<Int32> = []

    /// Starts forwarding to `127.0.0.1:targetPort`.
    init(targetPort: Int) throws {
        self.targetPort = targetPort
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        var address = Self.loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(descriptor, 64) == 0 else {
            close(descriptor)
            throw POSIXError(.init(rawValue: errno) ?? .EIO)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        listener = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    /// Everything the server sent, connection after connection.
    var serverBytes: [UInt8] {
        lock.withLock { connections.flatMap { $0 } }
    }

    /// Stops accepting and cuts every open connection.
    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        lock.withLock {
            for socket in openSockets { shutdown(socket, Int32(SHUT_RDWR)) }
        }
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            let server = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = Self.loopback(port: targetPort)
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(server, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard server >= 0, connected == 0 else {
                close(client)
                if server >= 0 { close(server) }
                continue
            }
            let index = lock.withLock {
                openSockets.formUnion([client, server])
                connections.append([])
                return connections.count - 1
            }
            let done = DispatchGroup()
            for (from, to, recorded) in [(client, server, false), (server, client, true)] {
                done.enter()
                Thread.detachNewThread { [self] in
                    pump(from: from, to: to, record: recorded ? index : nil)
                    done.leave()
                }
            }
            Thread.detachNewThread { [self] in
                // Bounded like every wait in the tests: a connection left open longer than this is cut.
                if done.wait(timeout: .now() + 300) == .timedOut {
                    shutdown(client, Int32(SHUT_RDWR))
                    shutdown(server, Int32(SHUT_RDWR))
                    done.wait()
                }
                lock.withLock { openSockets.subtract([client, server]) }
                close(client)
                close(server)
            }
        }
    }

    private func pump(from source: Int32, to destination: Int32, record index: Int?) {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            if let index {
                lock.withLock { connections[index] += buffer[0..<count] }
            }
            var sent = 0
            while sent < count {
                let written = buffer[sent..<count].withUnsafeBytes {
                    send(destination, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
                }
                guard written > 0 else { return }
                sent += written
            }
        }
        shutdown(destination, Int32(SHUT_WR))
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }
}
