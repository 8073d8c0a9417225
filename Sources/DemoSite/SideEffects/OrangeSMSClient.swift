import Foundation

/// Orange's SMS API as the Laravel site's `SmsService` calls it: a client-credentials token
/// (`POST /oauth/v3/token`, HTTP Basic with the client id and secret), then
/// `POST /smsmessaging/v1/outbound/{sender}/requests` with it as a Bearer token. A token is asked for each
/// message, as the site does; any answer but 2xx is an error.
struct OrangeSMSClient: Sendable {
    let settings: SMSSettings

    /// Sends `message` to `address` (`tel:+221…`).
    func send(to address: String, message: String) async throws {
        let token = try await accessToken()
        let url = url("/smsmessaging/v1/outbound/\(PercentEncoding.encode(settings.sender))/requests")
        var request: [(String, JSON)] = [("address", .string(address)), ("senderAddress", .string(settings.sender))]
        if !settings.senderName.isEmpty { request.append(("senderName", .string(settings.senderName))) }
        request.append(("outboundSMSTextMessage", .object([("message", .string(message))])))
        let body = JSON.object([("outboundSMSMessageRequest", .object(request))]).serialized
        let response = try await OutboundHTTP.post(
            OutboundRequest(
                url: url,
                headers: [
                    ("Authorization", "Bearer \(token)"), ("Accept", "application/json"),
                    ("Content-Type", "application/json"),
                ],
                body: Array(body.utf8)))
        guard response.isSuccess else { throw SideEffectError.answered("sending the SMS", url, response) }
    }

    private func accessToken() async throws -> String {
        let url = url("/oauth/v3/token")
        let credentials = Data("\(settings.clientID):\(settings.clientSecret)".utf8).base64EncodedString()
        let response = try await OutboundHTTP.post(
            OutboundRequest(
                url: url,
                headers: [
                    ("Authorization", "Basic \(credentials)"), ("Accept", "application/json"),
                    ("Content-Type", "application/x-www-form-urlencoded"),
                ],
                body: Array("grant_type=client_credentials".utf8)))
        let object = (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any]
        guard response.isSuccess, let token = object?["access_token"] as? String, !token.isEmpty else {
            throw SideEffectError.answered("the access token", url, response)
        }
        return token
    }

    private func url(_ path: String) -> String {
        var base = settings.apiURL
        while base.hasSuffix("/") { base.removeLast() }
        return base + path
    }
}

/// A side effect that failed, as the queue worker would log it in `failed_jobs`.
struct SideEffectError: Error, CustomStringConvertible {
    let message: String

    var description: String { message }

    /// `SMS provider error: the access token: POST URL answered 401: {…}.`, the service's answer cut short.
    static func answered(_ doing: String, _ url: String, _ response: OutboundResponse) -> SideEffectError {
        SideEffectError(message: "\(doing): POST \(url) answered \(response.status): \(response.text.prefix(300))")
    }
}
