import Foundation
import Hummingbird
import HummingbirdWebSocket

/// The routes of a ``PusherServer``: the WebSocket endpoint `/app/{key}` and the events API.
struct PusherEndpoints: Sendable {
    let configuration: PusherServer.Configuration
    let hub: PusherHub

    func register(on router: Router<BasicWebSocketRequestContext>) {
        router.post("/apps/:appID/events") { request, context in
            try await publish(request, context: context, batch: false)
        }
        router.post("/apps/:appID/batch_events") { request, context in
            try await publish(request, context: context, batch: true)
        }
        router.ws("/app/:key") { inbound, outbound, context in
            let key = context.requestContext.parameters.get("key") ?? ""
            let version = context.request.uri.queryParameters["protocol"].flatMap { Int($0) }
            let socket = PusherSocket(configuration: configuration, hub: hub)
            try await socket.run(key: key, protocolVersion: version, inbound: inbound, outbound: outbound)
        }
    }

    private func publish(
        _ request: Request, context: BasicWebSocketRequestContext, batch: Bool
    ) async throws -> Response {
        let body = try await request.body.collect(upTo: 1 << 20)
        var query: [String: String] = [:]
        for (name, value) in request.uri.queryParameters { query[String(name)] = String(value) }
        let judged = PusherEventsRequest(configuration: configuration).events(
            appID: context.parameters.get("appID") ?? "", path: request.uri.path, query: query,
            body: Data(buffer: body), batch: batch)
        switch judged {
        case .success(let events):
            var deliveries = 0
            for event in events { deliveries += await hub.deliver(event) }
            await hub.record(.publish(.init(events: events, outcome: .accepted, status: 200, deliveries: deliveries)))
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: "{}")))
        case .failure(let rejection):
            let events = (try? PusherEventsRequest.parse(Data(buffer: body), batch: batch).get()) ?? []
            await hub.record(
                .publish(
                    .init(
                        events: events, outcome: .rejected(reason: rejection.message), status: rejection.status,
                        deliveries: 0)))
            return Response(
                status: .init(code: rejection.status), headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: rejection.message + "\n")))
        }
    }
}
