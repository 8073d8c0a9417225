import Foundation
import XCTest

/// A loopback HTTP/1.1 server (python3; TLS with a self-signed certificate made for the test by openssl),
/// on an ephemeral port: to check that TLS is verified by default and that `--cacert` and `--insecure` do
/// what they say, that new TLS connections cost no stall of the client's own, and how the load engine meets a
/// server that closes kept-alive connections without saying so.
final class LocalTLSServer {
    /// How the server behaves; the default is a plain HTTPS server that keeps connections alive.
    struct Options {
        /// Serve HTTPS; false serves plain HTTP.
        var tls = true
        /// Offer TLS 1.2 at most, as nginx 1.22 does by default: its resumed handshakes end with the client's
        /// Finished, which a request written right behind it must not wait on.
        var tls12Only = false
        /// Give clients session tickets. Without them a TLS 1.3 server says nothing after the client's
        /// Finished: the ACK of it is delayed (40 ms on Linux), and a request that Nagle holds behind the
        /// unacknowledged Finished waits that long (nginx's `ssl_session_tickets off`).
        var sessionTickets = true
        /// Close each connection after this many responses without having said so: the next request on it
        /// finds it closed and gets no answer, as one does that meets a server's keep-alive timeout.
        var closeAfterResponses: Int?
        /// Answer `Connection: close` and close: each request needs a new connection.
        var connectionClose = false
    }

    let baseURL: String
    /// The certificate, in PEM: the CA bundle that makes it trusted.
    let certificatePath: String
    private let process: PythonProcess
    private let folder: URL

    private static let script = """
        import http.server, ssl, sys, threading
        tls, tls12_only, tickets = sys.argv[3] == "tls", sys.argv[4] == "1.2", sys.argv[5] == "tickets"
        close_after, connection_close = int(sys.argv[6]), sys.argv[7] == "close"
        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            served = 0
            def do_GET(self):
                if close_after and self.served == close_after:
                    self.close_connection = True
                    return
                body = b"<!doctype html><title>CSAR</title><p>ok</p>"
                close = b"Connection: close\\r\\n" if connection_close else b""
                head = b"HTTP/1.1 200 OK\\r\\nContent-Type: text/html\\r\\n"
                head += b"Content-Length: %d\\r\\n%s\\r\\n" % (len(body), close)
                self.wfile.write(head + body)  # one write: no Nagle wait of the server's own
                self.close_connection = connection_close
                self.served += 1
            def log_message(self, *arguments):
                pass
        class Server(http.server.ThreadingHTTPServer):
            daemon_threads = True
            request_queue_size = 128
        server = Server(("127.0.0.1", 0), Handler)
        if tls:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(sys.argv[1], sys.argv[2])
            if tls12_only:
                context.maximum_version = ssl.TLSVersion.TLSv1_2
            if not tickets:
                context.num_tickets = 0
                context.options |= ssl.OP_NO_TICKET
            server.socket = context.wrap_socket(server.socket, server_side=True)
        threading.Thread(target=lambda: (sys.stdin.read(), server.shutdown()), daemon=True).start()
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """

    static func start(_ options: Options = Options()) throws -> LocalTLSServer {
        let folder = try TemporaryFolder.make()
        let certificate = folder.appendingPathComponent("cert.pem").path
        let key = folder.appendingPathComponent("key.pem").path
        try run(
            "openssl",
            [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", certificate,
            ])
        let process = try PythonProcess(
            [
                "-c", script, certificate, key, options.tls ? "tls" : "plain", options.tls12Only ? "1.2" : "any",
                options.sessionTickets ? "tickets" : "none", String(options.closeAfterResponses ?? 0),
                options.connectionClose ? "close" : "keep",
            ], name: "the python3 test server")
        guard let port = Int(process.firstLine.trimmingCharacters(in: .whitespaces)) else {
            process.stop(grace: 0)
            throw LocalServerError(message: "the python3 test server printed '\(process.firstLine)', not its port")
        }
        return LocalTLSServer(
            baseURL: "\(options.tls ? "https" : "http")://127.0.0.1:\(port)", certificatePath: certificate,
            process: process, folder: folder)
    }

    private init(baseURL: String, certificatePath: String, process: PythonProcess, folder: URL) {
        self.baseURL = baseURL
        self.certificatePath = certificatePath
        self.process = process
        self.folder = folder
    }

    /// A CA bundle as large as a system one (`copies` certificates, the server's among them), in the
    /// server's folder: a client that parses its bundle again for each connection pays for every one.
    func largeCABundle(copies: Int) throws -> String {
        let certificate = try String(contentsOfFile: certificatePath, encoding: .utf8)
        let path = folder.appendingPathComponent("bundle.pem").path
        try String(repeating: certificate, count: copies).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Ends the server (its standard input closes) and removes its folder.
    func stop() {
        process.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    private static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw LocalServerError(message: "\(tool) failed: cannot make a test certificate")
        }
    }
}

/// The test server could not start: python3 and openssl are test dependencies (scripts/install-deps.sh).
struct LocalServerError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
