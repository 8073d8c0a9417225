import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1

/// Closes a connection after its response when the client did not ask to keep it: an HTTP/1.0 request
/// without `Connection: keep-alive` (ab, `curl -0`), as nginx and Apache do. Hummingbird drops the request's
/// HTTP version before its handlers see it and keeps such connections open, so `ab`, which reads each answer
/// until the connection closes, waited forever. Sits between NIO's HTTP/1 decoder and Hummingbird's codec,
/// where the version is still known: it marks the request `Connection: close`, which Hummingbird honours, and
/// says so in the response. An HTTP/1.0 client that asked to keep the connection (`ab -k`) is told it is kept
/// (`Connection: keep-alive`), without which it too reads until the connection closes.
final class ConnectionCloseHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    /// What each request waiting for its response asked of the connection, oldest first: the `Connection`
    /// value its response must carry, or nil for HTTP/1.1's default (kept).
    private var answers: [String?] = []

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(var head) = unwrapInboundIn(data) else {
            context.fireChannelRead(data)
            return
        }
        let http10 = head.version.major == 1 && head.version.minor == 0
        if !head.isKeepAlive {
            head.headers.replaceOrAdd(name: "connection", value: "close")
            answers.append("close")
        } else {
            answers.append(http10 ? "keep-alive" : nil)
        }
        context.fireChannelRead(wrapInboundOut(.head(head)))
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(var head) where head.status.code >= 200:
            if let answer = answers.first ?? nil { head.headers.replaceOrAdd(name: "connection", value: answer) }
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        case .end:
            if !answers.isEmpty { answers.removeFirst() }
            context.write(data, promise: promise)
        default:
            context.write(data, promise: promise)
        }
    }
}

/// Hummingbird's HTTP/1 channel with `ConnectionCloseHandler` right after NIO's request decoder.
struct DemoHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value
    let http1: HTTP1Channel

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        http1.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let decoder = try channel.pipeline.syncOperations.handler(
                type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            try channel.pipeline.syncOperations.addHandler(ConnectionCloseHandler(), position: .after(decoder))
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await http1.handle(value: value, logger: logger)
    }
}
