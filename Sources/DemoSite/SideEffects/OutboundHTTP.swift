import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// A request the site makes to another service, as Laravel's `Http::post(…)` does.
struct OutboundRequest: Sendable {
    var url: String
    var headers: [(String, String)]
    var body: [UInt8]
}

/// What the other service answered.
struct OutboundResponse: Sendable {
    var status: Int
    var body: [UInt8]

    var isSuccess: Bool { (200..<300).contains(status) }
    var text: String { String(decoding: body, as: UTF8.self) }
}

/// Why an outbound request got no answer: the URL, then what happened.
struct OutboundHTTPError: Error, CustomStringConvertible {
    let url: String
    let message: String

    var description: String { "POST \(url): \(message)" }
}

/// A one-request-per-connection HTTP/1.1 client over SwiftNIO's shared event loops, enough for the site's side
/// effects (an SMS provider, Pusher's events API) without another HTTP library. Only `http://` URLs: the demo
/// site talks to doubles on loopback. Bounded by `timeout` and by the calling task's cancellation.
enum OutboundHTTP {
    static func post(_ request: OutboundRequest, timeout: TimeAmount = .seconds(15)) async throws -> OutboundResponse {
        // Errors name the URL without its query, which may carry a signature.
        let shown = String(request.url.prefix { $0 != "?" })
        guard let url = URLComponents(string: request.url), url.scheme == "http", let host = url.host else {
            throw OutboundHTTPError(url: shown, message: "only http:// URLs with a host are supported")
        }
        let port = url.port ?? 80
        // As written: `path` would decode the sender's `tel%3A%2B…` in an SMS provider's URL.
        let path = url.percentEncodedPath.isEmpty ? "/" : url.percentEncodedPath
        let target = path + (url.percentEncodedQuery.map { "?" + $0 } ?? "")
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let promise = loop.makePromise(of: OutboundResponse.self)
        let channel: Channel
        do {
            channel = try await ClientBootstrap(group: loop)
                .connectTimeout(.seconds(5))
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHTTPClientHandlers()
                        try channel.pipeline.syncOperations.addHandler(ResponseCollector(promise: promise))
                    }
                }
                .connect(host: host, port: port).get()
        } catch {
            promise.fail(error)
            throw OutboundHTTPError(url: shown, message: "cannot connect: \(error)")
        }
        var head = HTTPRequestHead(version: .http1_1, method: .POST, uri: target)
        head.headers.add(name: "Host", value: url.port.map { "\(host):\($0)" } ?? host)
        for (name, value) in request.headers { head.headers.add(name: name, value: value) }
        head.headers.add(name: "Content-Length", value: String(request.body.count))
        head.headers.add(name: "Connection", value: "close")
        let deadline = loop.scheduleTask(in: timeout) {
            promise.fail(
                OutboundHTTPError(
                    url: shown, message: "no answer within \(timeout.nanoseconds / 1_000_000_000) s"))
            channel.close(promise: nil)
        }
        defer { deadline.cancel() }
        channel.write(HTTPClientRequestPart.head(head), promise: nil)
        channel.write(HTTPClientRequestPart.body(.byteBuffer(ByteBuffer(bytes: request.body))), promise: nil)
        channel.writeAndFlush(HTTPClientRequestPart.end(nil), promise: nil)
        do {
            return try await withTaskCancellationHandler {
                try await promise.futureResult.get()
            } onCancel: {
                channel.close(promise: nil)
            }
        } catch let error as OutboundHTTPError {
            throw error
        } catch {
            throw OutboundHTTPError(url: shown, message: "\(error)")
        }
    }
}

/// Gathers one response and closes the connection; a connection that ends first fails the promise.
private final class ResponseCollector: ChannelInboundHandler {
    typealias InboundIn = HTTPClientResponsePart

    private let promise: EventLoopPromise<OutboundResponse>
    private var status = 0
    private var body: [UInt8] = []

    init(promise: EventLoopPromise<OutboundResponse>) {
        self.promise = promise
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            status = Int(head.status.code)
        case .body(let buffer):
            body += buffer.readableBytesView
        case .end:
            promise.succeed(OutboundResponse(status: status, body: body))
            context.close(promise: nil)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        promise.fail(error)
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        promise.fail(ChannelError.inputClosed)
        context.fireChannelInactive()
    }
}
