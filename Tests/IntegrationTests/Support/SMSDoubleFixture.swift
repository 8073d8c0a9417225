import CSARCheck
import Foundation
import SideEffectDoubles
import XCTest

/// An SMS double started for one test (client `test-client`, secret `test-secret-1234`) and stopped however
/// the test ends, with csar-check's own HTTP client to talk to it, run on a thread of its own: libcurl blocks,
/// and the double's tasks need the cooperative pool.
struct SMSDoubleFixture {
    static let clientID = "test-client"
    static let secret = "test-secret-1234"
    static let sender = "tel:+221770000000"
    /// `rawurlencode("tel:+221770000000")`, as Laravel's `SmsService` writes the path.
    static let encodedSender = "tel%3A%2B221770000000"

    let double: OrangeSMSDouble

    static func with<Result>(
        tokenLifetime: Int = 3600, _ body: (SMSDoubleFixture) async throws -> Result
    ) async throws -> Result {
        let double = try await OrangeSMSDouble.start(
            .init(clientID: clientID, clientSecret: secret, tokenLifetime: tokenLifetime))
        do {
            let result = try await body(SMSDoubleFixture(double: double))
            await double.stop()
            return result
        } catch {
            await double.stop()
            throw error
        }
    }

    static func basic(_ id: String, _ secret: String) -> String {
        "Basic " + Data("\(id):\(secret)".utf8).base64EncodedString()
    }

    /// `POST /oauth/v3/token` as Laravel's `SmsService` sends it.
    func token(
        authorization: String? = basic(clientID, secret), form: String = "grant_type=client_credentials"
    ) async throws -> HTTPResponse {
        try await send(
            "POST", "/oauth/v3/token", authorization: authorization,
            body: .bytes(Array(form.utf8), contentType: "application/x-www-form-urlencoded"))
    }

    /// A token the double issued.
    func issuedToken() async throws -> String {
        let response = try await token()
        XCTAssertEqual(response.status, 200, response.bodyText)
        return try XCTUnwrap(try Self.object(response)["access_token"] as? String)
    }

    /// `POST /smsmessaging/v1/outbound/{sender}/requests` with `body` as JSON.
    func sendSMS(
        _ body: String, token: String?, encodedSender: String = encodedSender
    ) async throws -> HTTPResponse {
        try await send(
            "POST", "/smsmessaging/v1/outbound/\(encodedSender)/requests", authorization: token.map { "Bearer \($0)" },
            body: .bytes(Array(body.utf8), contentType: "application/json"))
    }

    /// The body `SmsService` sends for `message` to `address`.
    static func request(to address: String, _ message: String, sender: String = sender) -> String {
        let request: [String: Any] = [
            "address": address, "senderAddress": sender, "senderName": "CSAR",
            "outboundSMSTextMessage": ["message": message],
        ]
        let data = try! JSONSerialization.data(withJSONObject: ["outboundSMSMessageRequest": request])
        return String(decoding: data, as: UTF8.self)
    }

    /// `GET /csar/messages`, parsed.
    func inbox(since: String? = nil) async throws -> [String: Any] {
        let query = since.map { "?since=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0) }
        let response = try await send("GET", "/csar/messages" + (query ?? ""))
        XCTAssertEqual(response.status, 200, response.bodyText)
        return try Self.object(response)
    }

    func send(
        _ method: String, _ path: String, authorization: String? = nil, body: HTTPBody = .none
    ) async throws -> HTTPResponse {
        let request = HTTPRequest(
            method: method, url: double.baseURL + path,
            headers: authorization.map { [HTTPHeader("Authorization", $0), HTTPHeader("Accept", "application/json")] }
                ?? [HTTPHeader("Accept", "application/json")],
            body: body, totalTimeout: 10)
        return try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                do {
                    continuation.resume(returning: try HTTPClient().send(request))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    static func object(_ response: HTTPResponse) throws -> [String: Any] {
        try XCTUnwrap(
            try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any], response.bodyText)
    }
}
