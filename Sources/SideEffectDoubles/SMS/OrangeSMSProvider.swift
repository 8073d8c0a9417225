import Foundation

/// A request to the SMS double as it judges it: no HTTP library types, so it can be walked without sockets.
struct OrangeSMSRequest: Sendable {
    var method: String
    /// The path as sent, percent-encoded, without the query.
    var path: String
    /// The query's parameters, decoded.
    var query: [String: String] = [:]
    var authorization: String?
    var body: Data = Data()
}

/// What the SMS double answers.
struct OrangeSMSAnswer: Sendable {
    var status: Int
    var headers: [String: String] = [:]
    var body: Data
}

/// The state of the SMS double — tokens issued, messages accepted, requests refused — and its answers.
/// An actor: the HTTP server's connections reach it from their own tasks.
actor OrangeSMSProvider {
    static let tokenPath = "/oauth/v3/token"
    static let inboxPath = "/csar/messages"

    private let configuration: OrangeSMSDouble.Configuration
    private var baseURL: String
    /// Each token issued, with the moment it expires.
    private var tokens: [String: Date] = [:]
    private(set) var messages: [OrangeSMSDouble.Message] = []
    private(set) var rejections: [OrangeSMSDouble.Rejection] = []

    init(configuration: OrangeSMSDouble.Configuration) {
        self.configuration = configuration
        baseURL = "http://\(configuration.host):\(configuration.port)"
    }

    /// The base of the `resourceURL`s, once the port is known.
    func setBaseURL(_ url: String) {
        baseURL = url
    }

    func answer(_ request: OrangeSMSRequest, now: Date = Date()) -> OrangeSMSAnswer {
        let receivedAt = OrangeSMSWire.millisecond(now)
        let outcome: Result<OrangeSMSAnswer, OrangeSMSRefusal>
        switch (request.method, Self.route(request.path)) {
        case ("GET", .inbox):
            return inbox(query: request.query)
        case ("POST", .token):
            outcome = issueToken(request, now: now)
        case ("POST", .outbound(let sender)):
            outcome = accept(request, sender: sender, receivedAt: receivedAt)
        default:
            outcome = .failure(OrangeSMSRefusal(kind: .notFound, reason: "no such endpoint"))
        }
        switch outcome {
        case .success(let answer):
            return answer
        case .failure(let refusal):
            rejections.append(
                .init(
                    receivedAt: receivedAt, method: request.method, path: request.path, status: refusal.status,
                    reason: refusal.reason))
            let (headers, body) = OrangeSMSWire.refusal(refusal)
            return OrangeSMSAnswer(status: refusal.status, headers: headers, body: body)
        }
    }

    private enum Route: Equatable {
        case token
        /// The sender address of the path, percent-decoded.
        case outbound(sender: String)
        case inbox
        case unknown
    }

    private static func route(_ path: String) -> Route {
        if path == tokenPath { return .token }
        if path == inboxPath { return .inbox }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 6, parts[0].isEmpty, parts[1] == "smsmessaging", parts[2] == "v1", parts[3] == "outbound",
            !parts[4].isEmpty, parts[5] == "requests"
        {
            return .outbound(sender: parts[4].removingPercentEncoding ?? String(parts[4]))
        }
        return .unknown
    }

    private func issueToken(_ request: OrangeSMSRequest, now: Date) -> Result<OrangeSMSAnswer, OrangeSMSRefusal> {
        if let refusal = OrangeSMSRules.checkClient(
            authorization: request.authorization, clientID: configuration.clientID,
            clientSecret: configuration.clientSecret)
        {
            return .failure(refusal)
        }
        if let refusal = OrangeSMSRules.checkGrant(formBody: request.body) { return .failure(refusal) }
        let token = Self.randomToken()
        tokens[token] = now.addingTimeInterval(Double(configuration.tokenLifetime))
        return .success(
            OrangeSMSAnswer(
                status: 200, headers: ["Cache-Control": "no-store"],
                body: OrangeSMSWire.token(token, lifetime: configuration.tokenLifetime)))
    }

    private func accept(
        _ request: OrangeSMSRequest, sender: String, receivedAt: Date
    ) -> Result<OrangeSMSAnswer, OrangeSMSRefusal> {
        let token: String
        switch OrangeSMSRules.bearerToken(authorization: request.authorization) {
        case .success(let value): token = value
        case .failure(let refusal): return .failure(refusal)
        }
        guard let expiry = tokens[token] else {
            return .failure(OrangeSMSRefusal(kind: .invalidToken, reason: "unknown access token (not issued here)"))
        }
        guard expiry > receivedAt else {
            return .failure(OrangeSMSRefusal(kind: .expiredToken, reason: "expired access token"))
        }
        let outbound: OrangeSMSOutbound
        switch OrangeSMSRules.outbound(body: request.body, pathSender: sender) {
        case .success(let value): outbound = value
        case .failure(let refusal): return .failure(refusal)
        }
        let id = UUID().uuidString.lowercased()
        messages.append(
            .init(
                id: id, receivedAt: receivedAt, address: outbound.address, senderAddress: outbound.senderAddress,
                senderName: outbound.senderName, message: outbound.message))
        let resourceURL = baseURL + request.path + "/" + id
        return .success(
            OrangeSMSAnswer(
                status: 201, headers: ["Location": resourceURL],
                body: OrangeSMSWire.created(requestBody: request.body, resourceURL: resourceURL)))
    }

    private func inbox(query: [String: String]) -> OrangeSMSAnswer {
        var since: Int64?
        if let text = query["since"] {
            guard let date = OrangeSMSWire.date(text) else {
                return OrangeSMSAnswer(
                    status: 400,
                    body: OrangeSMSWire.inboxError(
                        "since must be an ISO 8601 date-time such as 2026-12-01T10:00:00.000Z, found '\(text.prefix(40))'"
                    ))
            }
            since = OrangeSMSWire.milliseconds(date)
        }
        func isRecent(_ date: Date) -> Bool { since.map { OrangeSMSWire.milliseconds(date) >= $0 } ?? true }
        return OrangeSMSAnswer(
            status: 200, headers: ["Cache-Control": "no-store"],
            body: OrangeSMSWire.inbox(
                messages: messages.filter { isRecent($0.receivedAt) },
                rejections: rejections.filter { isRecent($0.receivedAt) }))
    }

    /// 32 random bytes, URL-safe base64 without padding, as opaque as Orange's.
    private static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
