import CSARCheck
import Foundation
import SideEffectDoubles
import XCTest

/// The Pusher server double and csar-check's client against implementations that are not ours: Pusher's own
/// server library (`pusher`, which publishes over the signed HTTP API and signs subscriptions as Laravel does)
/// and the `pysher` WebSocket client, run from `Tests/PusherPeers` with the python of CSAR_PUSHER_PYTHON.
final class PusherInteropTests: XCTestCase {
    func testAnEventThePusherLibraryTriggersReachesAPrivateSubscription() async throws {
        _ = try PusherFixture.python()
        try await PusherFixture.with { pusher in
            let connection = try await pusher.connect()
            try await connection.subscribe(to: "private-admins", authorizer: PusherFixture.pythonAuthorizer)
            let data = #"{"demande":{"reference":"CSAR-2026-0042","nom":"Élodie"}}"#
            let lines = try await pusher.runPeer(
                "trigger.py",
                [
                    "--secret", PusherFixture.secret, "--channel", "private-admins", "--event",
                    #"App\Events\DemandeCreated"#, "--data", data,
                ])
            XCTAssertEqual(lines, [#"{"ok": true, "answer": {}}"#])
            let event = try await connection.nextEvent(
                named: #"App\Events\DemandeCreated"#, on: "private-admins", within: .seconds(5))
            XCTAssertEqual(event.data, data)
            let publishes = await pusher.publishes()
            XCTAssertEqual(publishes.map(\.outcome), [.accepted])
            XCTAssertEqual(publishes.first?.deliveries, 1)
            await connection.close()
        }
    }

    func testABatchTriggerReachesEachChannel() async throws {
        _ = try PusherFixture.python()
        try await PusherFixture.with { pusher in
            let connection = try await pusher.connect()
            try await connection.subscribe(to: "admins")
            try await connection.subscribe(to: "private-admins", authorizer: PusherFixture.pythonAuthorizer)
            let lines = try await pusher.runPeer(
                "trigger.py",
                [
                    "--secret", PusherFixture.secret, "--channel", "admins", "--channel", "private-admins",
                    "--event", "demande.created", "--data", "{}", "--batch",
                ])
            XCTAssertEqual(lines.first?.hasPrefix(#"{"ok": true"#), true, "\(lines)")
            for channel in ["admins", "private-admins"] {
                _ = try await connection.nextEvent(named: "demande.created", on: channel, within: .seconds(5))
            }
            await connection.close()
        }
    }

    func testATriggerWithTheWrongSecretIs401AndRecordedAsRejected() async throws {
        _ = try PusherFixture.python()
        try await PusherFixture.with { pusher in
            let lines = try await pusher.runPeer(
                "trigger.py",
                [
                    "--secret", "not-the-secret", "--channel", "private-admins", "--event", "demande.created", "--data",
                    "{}",
                ])
            let answer = try XCTUnwrap(
                JSONSerialization.jsonObject(with: Data((lines.first ?? "").utf8)) as? [String: Any], "\(lines)")
            XCTAssertEqual(answer["error"] as? String, "PusherBadAuth", "the library reads a 401 so: \(lines)")
            XCTAssertTrue((answer["message"] as? String ?? "").contains("Invalid signature"), "\(lines)")
            let publishes = await pusher.publishes()
            XCTAssertEqual(publishes.count, 1)
            XCTAssertEqual(publishes.first?.status, 401)
            XCTAssertEqual(publishes.first?.events.map(\.name), ["demande.created"])
            guard case .rejected(let reason) = publishes.first?.outcome else { return XCTFail("\(publishes)") }
            XCTAssertTrue(reason.hasPrefix("Invalid signature"), reason)
        }
    }

    func testPysherReceivesWhatThePusherLibraryTriggers() async throws {
        _ = try PusherFixture.python()
        try await PusherFixture.with { pusher in
            let lines = try await pusher.runPeer(
                "listen.py",
                [
                    "--secret", PusherFixture.secret, "--channel", "private-admins", "--event", "demande.created",
                    "--trigger", #"{"reference":"D-7"}"#,
                ])
            XCTAssertEqual(lines.count, 3, "\(lines)")
            XCTAssertEqual(lines.first?.hasPrefix("subscribed "), true, "\(lines)")
            XCTAssertEqual(lines.last, #"event {"reference":"D-7"}"#)
        }
    }

    func testPysherReceivesAnEventPublishedInProcess() async throws {
        _ = try PusherFixture.python()
        try await PusherFixture.with { pusher in
            async let listened = pusher.runPeer(
                "listen.py",
                ["--secret", PusherFixture.secret, "--channel", "private-admins", "--event", "demande.created"])
            let deadline = ContinuousClock.now + .seconds(20)
            while await pusher.subscriptions().isEmpty, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(50))
            }
            let outcomes = await pusher.subscriptions().map(\.outcome)
            XCTAssertEqual(outcomes, [.accepted])
            await pusher.server.publish(.init(name: "demande.created", channels: ["private-admins"], data: "{\"n\":1}"))
            let lines = try await listened
            XCTAssertEqual(lines.last, #"event {"n":1}"#, "\(lines)")
        }
    }

    func testPysherWithABadSignatureGetsASubscriptionError() async throws {
        _ = try PusherFixture.python()
        try await PusherFixture.with { pusher in
            let lines = try await pusher.runPeer(
                "listen.py",
                [
                    "--secret", PusherFixture.secret, "--auth-secret", "wrong", "--channel", "private-admins",
                    "--event", "demande.created", "--wait", "5",
                ])
            XCTAssertEqual(lines.count, 1, "\(lines)")
            XCTAssertEqual(lines.first?.hasPrefix("subscription_error "), true, "\(lines)")
            XCTAssertEqual(lines.first?.contains("Invalid signature"), true, "\(lines)")
        }
    }

    func testAPlainWebSocketClientGetsItsSocketIdAndAPong() async throws {
        _ = try PusherFixture.python()
        try await PusherFixture.with { pusher in
            let lines = try await pusher.runPeer("ping.py", [])
            XCTAssertEqual(lines.count, 2, "\(lines)")
            let established = try XCTUnwrap(
                JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any], "\(lines)")
            XCTAssertEqual(established["event"] as? String, "pusher:connection_established")
            let data = try XCTUnwrap(established["data"] as? String, "data is JSON in a string: \(lines)")
            let inner = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any])
            XCTAssertEqual(inner["activity_timeout"] as? Int, 120)
            XCTAssertNotNil((inner["socket_id"] as? String)?.wholeMatch(of: /\d+\.\d+/), data)
            XCTAssertEqual(lines[1], #"{"data":"{}","event":"pusher:pong"}"#)
        }
    }

    func testAPlainWebSocketClientWithAnUnknownKeyGetsError4001AndAClose() async throws {
        _ = try PusherFixture.python()
        try await PusherFixture.with { pusher in
            let lines = try await pusher.runPeer("ping.py", ["--wait", "5"], key: "no-such-key")
            XCTAssertEqual(lines.count, 2, "\(lines)")
            XCTAssertTrue(lines[0].contains(#""event":"pusher:error""#), lines[0])
            XCTAssertTrue(lines[0].contains(#""code":4001"#), lines[0])
            XCTAssertEqual(lines[1], "close 4001")
        }
    }
}
