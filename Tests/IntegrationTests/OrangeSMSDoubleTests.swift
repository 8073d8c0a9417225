import CSARCheck
import Foundation
import XCTest

@testable import SideEffectDoubles

/// The SMS double answers as Orange's SMS API does — token, send, 401 and 400 with Orange's error shapes —
/// and its inbox lists what it accepted and refused, newest first, without a token or a secret.
final class OrangeSMSDoubleTests: XCTestCase {
    typealias Fixture = SMSDoubleFixture

    func testATokenThenAnSMSIsAcceptedWithItsResourceURLAndShowsInTheInbox() async throws {
        try await Fixture.with { sms in
            let tokenResponse = try await sms.token()
            XCTAssertEqual(tokenResponse.status, 200, tokenResponse.bodyText)
            let token = try Fixture.object(tokenResponse)
            XCTAssertEqual(token["token_type"] as? String, "Bearer")
            XCTAssertEqual(token["expires_in"] as? Int, 3600)
            let accessToken = try XCTUnwrap(token["access_token"] as? String)
            XCTAssertGreaterThanOrEqual(accessToken.count, 32)

            let sent = try await sms.sendSMS(
                Fixture.request(to: "tel:+221771234567", "CSAR: votre demande CSAR-2026-0001 a été enregistrée."),
                token: accessToken)
            XCTAssertEqual(sent.status, 201, sent.bodyText)
            let echoed = try XCTUnwrap(try Fixture.object(sent)["outboundSMSMessageRequest"] as? [String: Any])
            XCTAssertEqual(echoed["address"] as? String, "tel:+221771234567")
            XCTAssertEqual(echoed["senderName"] as? String, "CSAR")
            let resourceURL = try XCTUnwrap(echoed["resourceURL"] as? String)
            let prefix = sms.double.baseURL + "/smsmessaging/v1/outbound/\(Fixture.encodedSender)/requests/"
            XCTAssertTrue(resourceURL.hasPrefix(prefix), resourceURL)
            XCTAssertEqual(sent.header("Location"), resourceURL)

            let inbox = try await sms.inbox()
            let messages = try XCTUnwrap(inbox["messages"] as? [[String: Any]])
            XCTAssertEqual(messages.count, 1)
            let message = try XCTUnwrap(messages.first)
            XCTAssertEqual(message["id"] as? String, String(resourceURL.dropFirst(prefix.count)))
            XCTAssertEqual(message["address"] as? String, "tel:+221771234567")
            XCTAssertEqual(message["senderAddress"] as? String, Fixture.sender)
            XCTAssertEqual(message["senderName"] as? String, "CSAR")
            XCTAssertEqual(message["message"] as? String, "CSAR: votre demande CSAR-2026-0001 a été enregistrée.")
            let receivedAt = try XCTUnwrap(message["receivedAt"] as? String)
            XCTAssertNotNil(
                receivedAt.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"#, options: .regularExpression),
                receivedAt)
            let recorded = await sms.double.messages()
            XCTAssertEqual(recorded.map(\.address), ["tel:+221771234567"])
            XCTAssertEqual(OrangeSMSWire.timestamp(recorded[0].receivedAt), receivedAt)
        }
    }

    func testMissingOrWrongCredentialsAre401AndAnotherGrant400WithoutRepeatingTheSecret() async throws {
        try await Fixture.with { sms in
            let wrongSecret = "wrong-" + Fixture.secret
            let cases: [(String?, String, Int, String, String)] = [
                (nil, "grant_type=client_credentials", 401, "invalid_client", "no client credentials"),
                (
                    Fixture.basic(Fixture.clientID, wrongSecret), "grant_type=client_credentials", 401,
                    "invalid_client",
                    "wrong client secret"
                ),
                (
                    Fixture.basic("someone", Fixture.secret), "grant_type=client_credentials", 401, "invalid_client",
                    "unknown client id"
                ),
                ("Bearer abc", "grant_type=client_credentials", 401, "invalid_client", "not Basic credentials"),
                (
                    Fixture.basic(Fixture.clientID, Fixture.secret), "grant_type=password", 400,
                    "unsupported_grant_type",
                    "is not client_credentials"
                ),
                (Fixture.basic(Fixture.clientID, Fixture.secret), "", 400, "invalid_request", "grant_type missing"),
            ]
            for (authorization, form, status, error, reason) in cases {
                let response = try await sms.token(authorization: authorization, form: form)
                XCTAssertEqual(response.status, status, "\(reason): \(response.bodyText)")
                let body = try Fixture.object(response)
                XCTAssertEqual(body["error"] as? String, error, reason)
                XCTAssertTrue((body["error_description"] as? String ?? "").contains(reason), response.bodyText)
                XCTAssertFalse(response.bodyText.contains(Fixture.secret), response.bodyText)
                if status == 401 { XCTAssertEqual(response.header("WWW-Authenticate")?.hasPrefix("Basic"), true) }
            }
            let rejected = await sms.double.rejections()
            XCTAssertEqual(rejected.map(\.status), cases.map(\.2))
            XCTAssertEqual(rejected[1].reason, "wrong client secret")
            XCTAssertEqual(Set(rejected.map(\.path)), ["/oauth/v3/token"])
            let inbox = try await sms.send("GET", "/csar/messages").bodyText
            XCTAssertFalse(inbox.contains(Fixture.secret), inbox)
        }
    }

    func testSendingWithoutAToken_WithAnUnknownOne_OrAnExpiredOneIs401() async throws {
        try await Fixture.with { sms in
            let body = Fixture.request(to: "tel:+221771234567", "Bonjour")
            let missing = try await sms.sendSMS(body, token: nil)
            XCTAssertEqual(missing.status, 401, missing.bodyText)
            XCTAssertEqual(try Fixture.object(missing)["code"] as? Int, 41)
            let unknown = try await sms.sendSMS(body, token: "not-issued-here")
            XCTAssertEqual(unknown.status, 401, unknown.bodyText)
            XCTAssertEqual(try Fixture.object(unknown)["message"] as? String, "Invalid credentials")
            let reasons = await sms.double.rejections().map(\.reason)
            XCTAssertEqual(reasons, ["no bearer token", "unknown access token (not issued here)"])
            let accepted = await sms.double.messages()
            XCTAssertTrue(accepted.isEmpty)
        }
        try await Fixture.with(tokenLifetime: 0) { sms in
            let token = try await sms.issuedToken()
            let expired = try await sms.sendSMS(Fixture.request(to: "tel:+221771234567", "Bonjour"), token: token)
            XCTAssertEqual(expired.status, 401, expired.bodyText)
            XCTAssertEqual(try Fixture.object(expired)["code"] as? Int, 42)
            let reasons = await sms.double.rejections().map(\.reason)
            XCTAssertEqual(reasons, ["expired access token"])
        }
    }

    func testABodyOfTheWrongShapeIs400WithOrangesServiceExceptionAndAReason() async throws {
        try await Fixture.with { sms in
            let token = try await sms.issuedToken()
            let cases: [(body: String, sender: String, reason: String)] = [
                ("{not json", Fixture.encodedSender, "the body is not a JSON object"),
                (#"{"other":{}}"#, Fixture.encodedSender, "outboundSMSMessageRequest missing"),
                (
                    #"{"outboundSMSMessageRequest":{"senderAddress":"tel:+221770000000","outboundSMSTextMessage":{"message":"x"}}}"#,
                    Fixture.encodedSender, "address missing"
                ),
                (
                    Fixture.request(to: "771234567", "x"), Fixture.encodedSender,
                    "address '771234567' is not tel:+ and digits"
                ),
                (
                    Fixture.request(to: "tel:+221771234567", "x"), "tel%3A%2B221779999999",
                    "senderAddress 'tel:+221770000000' does not match the path's 'tel:+221779999999'"
                ),
                (
                    #"{"outboundSMSMessageRequest":{"address":"tel:+221771234567","senderAddress":"tel:+221770000000"}}"#,
                    Fixture.encodedSender, "outboundSMSTextMessage.message missing"
                ),
                (
                    Fixture.request(to: "tel:+221771234567", ""), Fixture.encodedSender,
                    "outboundSMSTextMessage.message is empty"
                ),
            ]
            for (body, sender, reason) in cases {
                let response = try await sms.sendSMS(body, token: token, encodedSender: sender)
                XCTAssertEqual(response.status, 400, "\(reason): \(response.bodyText)")
                let exception = try XCTUnwrap(
                    (try Fixture.object(response)["requestError"] as? [String: Any])?["serviceException"]
                        as? [String: Any], response.bodyText)
                XCTAssertEqual(exception["messageId"] as? String, "SVC0002")
                XCTAssertEqual(exception["variables"] as? [String], [reason])
            }
            let reasons = await sms.double.rejections().map(\.reason)
            XCTAssertEqual(reasons, cases.map(\.reason))
            let accepted = await sms.double.messages()
            XCTAssertTrue(accepted.isEmpty)
        }
    }

    func testTheInboxListsNewestFirst_FiltersBySince_AndRecordsUnknownPathsAs404() async throws {
        try await Fixture.with { sms in
            let token = try await sms.issuedToken()
            _ = try await sms.sendSMS(Fixture.request(to: "tel:+221771111111", "premier"), token: token)
            try await Task.sleep(for: .milliseconds(20))
            _ = try await sms.sendSMS(Fixture.request(to: "tel:+221772222222", "second"), token: token)
            let notFound = try await sms.send("GET", "/smsmessaging/v1/outbound")
            XCTAssertEqual(notFound.status, 404, notFound.bodyText)

            let inbox = try await sms.inbox()
            let messages = try XCTUnwrap(inbox["messages"] as? [[String: Any]])
            XCTAssertEqual(messages.compactMap { $0["message"] as? String }, ["second", "premier"])
            let rejected = try XCTUnwrap(inbox["rejected"] as? [[String: Any]])
            XCTAssertEqual(rejected.count, 1)
            XCTAssertEqual(rejected.first?["method"] as? String, "GET")
            XCTAssertEqual(rejected.first?["path"] as? String, "/smsmessaging/v1/outbound")
            XCTAssertEqual(rejected.first?["status"] as? Int, 404)
            XCTAssertEqual(rejected.first?["reason"] as? String, "no such endpoint")
            XCTAssertEqual(
                Set(messages.flatMap(\.keys)),
                ["id", "receivedAt", "address", "senderAddress", "senderName", "message"])
            XCTAssertEqual(Set(rejected.flatMap(\.keys)), ["receivedAt", "method", "path", "status", "reason"])
            let raw = try await sms.send("GET", "/csar/messages").bodyText
            XCTAssertFalse(raw.contains(token), "the inbox never shows a token")

            let second = try XCTUnwrap(messages.first?["receivedAt"] as? String)
            let since = try await sms.inbox(since: second)
            XCTAssertEqual(
                (since["messages"] as? [[String: Any]])?.compactMap { $0["message"] as? String }, ["second"],
                "since is inclusive, to the millisecond")
            let later = try await sms.inbox(since: "2999-01-01T00:00:00Z")
            XCTAssertEqual((later["messages"] as? [Any])?.count, 0)
            XCTAssertEqual((later["rejected"] as? [Any])?.count, 0)
            let badSince = try await sms.send("GET", "/csar/messages?since=yesterday")
            XCTAssertEqual(badSince.status, 400, badSince.bodyText)
            XCTAssertTrue(badSince.bodyText.contains("ISO 8601"), badSince.bodyText)
        }
    }

    func testTimestampsAreWholeMillisecondsInUTC() {
        let date = Date(timeIntervalSince1970: 1_796_119_200.1239)
        XCTAssertEqual(OrangeSMSWire.timestamp(OrangeSMSWire.millisecond(date)), "2026-12-01T10:00:00.123Z")
        XCTAssertEqual(
            OrangeSMSWire.date("2026-12-01T10:00:00.123Z").map(OrangeSMSWire.milliseconds), 1_796_119_200_123)
        XCTAssertEqual(
            OrangeSMSWire.date("2026-12-01T11:00:00+01:00").map(OrangeSMSWire.milliseconds), 1_796_119_200_000)
    }
}
