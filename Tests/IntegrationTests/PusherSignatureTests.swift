import Foundation
import XCTest

@testable import SideEffectDoubles

/// Pusher's signatures, against the worked examples of Pusher's documentation (credentials key
/// 278d425bdf160c739803, secret 7ad3773142a6692b25b8), and the events API's judgement of a request.
final class PusherSignatureTests: XCTestCase {
    let key = "278d425bdf160c739803"
    let secret = "7ad3773142a6692b25b8"

    func testPrivateChannelAuthMatchesPushersWorkedExample() {
        XCTAssertEqual(
            PusherSignature.channelAuth(key: key, secret: secret, socketID: "1234.1234", channel: "private-foobar"),
            "278d425bdf160c739803:58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4")
    }

    func testEventsAPISignatureAndBodyMD5MatchPushersWorkedExample() {
        let body = #"{"name":"foo","channels":["project-3"],"data":"{\"some\":\"data\"}"}"#
        XCTAssertEqual(PusherSignature.bodyMD5Hex(Data(body.utf8)), "ec365a775a4cd0599faeb73354201b6f")
        let query = [
            "auth_key": key, "auth_timestamp": "1353088179", "auth_version": "1.0",
            "body_md5": "ec365a775a4cd0599faeb73354201b6f", "auth_signature": "left out of what is signed",
        ]
        let stringToSign = PusherSignature.requestStringToSign(method: "POST", path: "/apps/3/events", query: query)
        XCTAssertEqual(
            stringToSign,
            "POST\n/apps/3/events\nauth_key=278d425bdf160c739803&auth_timestamp=1353088179&auth_version=1.0"
                + "&body_md5=ec365a775a4cd0599faeb73354201b6f")
        XCTAssertEqual(
            PusherSignature.hmacSHA256Hex(secret: secret, message: stringToSign),
            "da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c")
    }

    func testTheEventsAPIAcceptsTheWorkedExampleAndSaysWhyItRefusesOthers() {
        let body = Data(#"{"name":"foo","channels":["project-3"],"data":"{\"some\":\"data\"}"}"#.utf8)
        let judge = PusherEventsRequest(configuration: .init(appID: "3", key: key, secret: secret))
        let signed = [
            "auth_key": key, "auth_timestamp": "1353088179", "auth_version": "1.0",
            "body_md5": "ec365a775a4cd0599faeb73354201b6f",
            "auth_signature": "da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c",
        ]
        let then = Date(timeIntervalSince1970: 1_353_088_200)
        func judged(_ query: [String: String], body: Data = body, now: Date = then) -> String {
            switch judge.events(appID: "3", path: "/apps/3/events", query: query, body: body, batch: false, now: now) {
            case .success(let events): return "ok \(events.map(\.name)) \(events.flatMap(\.channels))"
            case .failure(let rejection): return "\(rejection.status) \(rejection.message)"
            }
        }
        XCTAssertEqual(judged(signed), #"ok ["foo"] ["project-3"]"#)
        XCTAssertTrue(judged(signed.merging(["auth_signature": "00"]) { $1 }).hasPrefix("401 Invalid signature"))
        XCTAssertTrue(judged(signed.merging(["auth_key": "other"]) { $1 }).hasPrefix("401 Unknown auth_key other"))
        XCTAssertTrue(judged(signed, body: Data("{}".utf8)).hasPrefix("401 Invalid body_md5"))
        XCTAssertTrue(
            judged(signed, now: then.addingTimeInterval(3600)).hasPrefix("401 Timestamp expired"),
            "a request older than 600 s is refused as Pusher does")
    }
}
