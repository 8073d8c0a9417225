import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A parsed HTTP/1.1 response as it came off the wire.
struct DemoHTTPResponse: Sendable {
    let status: Int
    let headers: [(name: String, value: String)]
    let body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }

    /// First value of a header, name compared case-insensitively.
    func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    func headers(named name: String) -> [String] {
        headers.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }.map(\.value)
    }

    /// The whole `Set-Cookie` header for cookie `name`.
    func setCookie(_ name: String) -> String? {
        headers(named: "Set-Cookie").first { $0.hasPrefix(name + "=") }
    }

    /// The raw value of cookie `name` as set by this response.
    func cookieValue(_ name: String) -> String? {
        guard let header = setCookie(name), let pair = header.split(separator: ";").first else { return nil }
        return String(pair.dropFirst(name.count + 1))
    }
}

enum DemoHTTPClientError: Error {
    case connectFailed(Int32)
    case readFailed(Int32)
    case malformedResponse(String)
}

/// A deliberately small HTTP/1.1 client over POSIX sockets: one request per connection (`Connection: close`),
/// no redirects, no cookie handling, and the exact bytes the server sent, so tests can see what a checker
/// would see (for instance that a HEAD response carries no body).
enum DemoHTTPClient {
    static func request(
        port: Int,
        method: String,
        target: String,
        headers: [(String, String)] = [],
        body: [UInt8] = []
    ) async throws -> DemoHTTPResponse {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers {
            head += "\(name): \(value)\r\n"
        }
        if !body.isEmpty || ["POST", "PUT", "PATCH"].contains(method) {
            head += "Content-Length: \(body.count)\r\n"
        }
        head += "\r\n"
        let raw = try await exchange(port: port, bytes: Array(head.utf8) + body)
        return try parse(raw, method: method)
    }

    /// Sends arbitrary bytes and returns whatever came back, for hostile-input tests.
    static func exchange(port: Int, bytes: [UInt8]) async throws -> [UInt8] {
        try await withCheckedThrowingContinuation { continuation in
            // Blocking socket calls stay off Swift's cooperative pool, which the server also uses.
            DispatchQueue.global().async {
                continuation.resume(with: Result { try blockingExchange(port: port, bytes: bytes) })
            }
        }
    }

    private static func blockingExchange(port: Int, bytes: [UInt8]) throws -> [UInt8] {
        #if canImport(Glibc)
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw DemoHTTPClientError.connectFailed(errno) }
        defer { close(descriptor) }
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                connect(descriptor, socketAddress, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw DemoHTTPClientError.connectFailed(errno) }

        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { chunk in
                #if canImport(Glibc)
                    Glibc.send(descriptor, chunk.baseAddress, chunk.count, Int32(MSG_NOSIGNAL))
                #else
                    Darwin.send(descriptor, chunk.baseAddress, chunk.count, 0)
                #endif
            }
            // The server may answer (413, 400) and close before reading everything: read what it said.
            guard count > 0 else { break }
            sent += count
        }

        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count > 0 {
                received += buffer[0..<count]
            } else if count == 0 || !received.isEmpty {
                break
            } else {
                throw DemoHTTPClientError.readFailed(errno)
            }
        }
        return received
    }

    static func parse(_ raw: [UInt8], method: String) throws -> DemoHTTPResponse {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let headerEnd = raw.indices.first(where: { raw[$0...].starts(with: separator) }) else {
            throw DemoHTTPClientError.malformedResponse(String(decoding: raw, as: UTF8.self))
        }
        let lines = String(decoding: raw[..<headerEnd], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            throw DemoHTTPClientError.malformedResponse(lines[0])
        }
        let headers = lines.dropFirst().compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            return (String(line[..<colon]), value)
        }
        var body = Array(raw[(headerEnd + separator.count)...])
        if (100..<200).contains(status) {
            // An interim response such as `100 Continue`: the real one follows.
            return try parse(body, method: method)
        }
        let chunked = headers.contains { $0.name.lowercased() == "transfer-encoding" && $0.value == "chunked" }
        if chunked && method != "HEAD" {
            body = try dechunk(body)
        }
        return DemoHTTPResponse(status: status, headers: headers, body: body)
    }

    private static func dechunk(_ bytes: [UInt8]) throws -> [UInt8] {
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard let lineEnd = bytes[index...].firstIndex(of: 13),
                let size = Int(String(decoding: bytes[index..<lineEnd], as: UTF8.self), radix: 16)
            else { throw DemoHTTPClientError.malformedResponse("bad chunk") }
            if size == 0 { break }
            let start = lineEnd + 2
            guard start + size <= bytes.count else { throw DemoHTTPClientError.malformedResponse("short chunk") }
            output += bytes[start..<start + size]
            index = start + size + 2
        }
        return output
    }
}
