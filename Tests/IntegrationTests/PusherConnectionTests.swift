import CSARCheck
import Foundation
import SideEffectDoubles
import XCTest

/// csar-check's Pusher client against the Pusher server double, both in-process: subscriptions, events kept
/// for a later wait, and each failure said as a value that names what failed.
final class PusherConnectionTests: XCTestCase {
    func testAnEventPublishedBeforeTheWaitIsKeptForIt() async throws {
        try await PusherFixture.with { pusher in
            let connection = try await pusher.connect()
            let socketID = await connection.socketID
            XCTAssertTrue(socketID.wholeMatch(of: /\d+\.\d+/) != nil, "a Pusher socket id: \(socketID)")
            try await connection.subscribe(to: "private-admins", authorizer: PusherFixture.signingAuthorizer)
            let delivered = await pusher.server.publish(
                .init(name: "demande.created", channels: ["private-admins"], data: #"{"reference":"D-1"}"#))
            XCTAssertEqual(delivered, 1)
            let event = try await connection.nextEvent(
                named: "demande.created", on: "private-admins", within: .seconds(5))
            XCTAssertEqual(
                event, PusherEvent(name: "demande.created", channel: "private-admins", data: #"{"reference":"D-1"}"#))
            await connection.close()
            let subscriptions = await pusher.subscriptions()
            XCTAssertEqual(subscriptions.map(\.channel), ["private-admins"])
            XCTAssertEqual(subscriptions.map(\.outcome), [.accepted])
        }
    }

    func testAWaitThatRunsOutNamesTheEventTheChannelAndTheLimit() async throws {
        try await PusherFixture.with { pusher in
            let connection = try await pusher.connect()
            try await connection.subscribe(to: "admins")
            await pusher.server.publish(.init(name: "other.event", channels: ["admins"], data: "{}"))
            let started = ContinuousClock.now
            do {
                _ = try await connection.nextEvent(named: "demande.created", on: "admins", within: .milliseconds(300))
                XCTFail("no such event was published")
            } catch let error as PusherError {
                XCTAssertEqual(error.kind, .timedOut)
                XCTAssertEqual(
                    error.message, "no event demande.created on admins within 0.3 s (arrived on it: other.event)")
            }
            XCTAssertLessThan(ContinuousClock.now - started, .seconds(3))
            await connection.close()
        }
    }

    func testAPrivateChannelWithABadSignatureIsRefusedWithPushersReason() async throws {
        try await PusherFixture.with { pusher in
            let connection = try await pusher.connect()
            let socketID = await connection.socketID
            let wrongSecret: PusherConnection.Authorizer = { socketID, channel in
                (
                    PusherSignature.channelAuth(
                        key: PusherFixture.key, secret: "wrong", socketID: socketID, channel: channel), nil
                )
            }
            do {
                try await connection.subscribe(to: "private-admins", within: .seconds(5), authorizer: wrongSecret)
                XCTFail("a wrong signature must not subscribe")
            } catch let error as PusherError {
                XCTAssertEqual(error.kind, .subscriptionRefused)
                XCTAssertTrue(
                    error.message.hasPrefix(
                        "the Pusher server refused the subscription to private-admins: Invalid signature: Expected"
                            + " HMAC SHA256 hex digest of \(socketID):private-admins"),
                    error.message)
            }
            let outcomes = await pusher.subscriptions().map(\.outcome)
            guard case .rejected(let reason) = outcomes.first else { return XCTFail("\(outcomes)") }
            XCTAssertTrue(reason.hasPrefix("Invalid signature"), reason)
            await connection.close()
        }
    }

    func testAPrivateChannelWithoutAnAuthorizerIsNotAsked() async throws {
        try await PusherFixture.with { pusher in
            let connection = try await pusher.connect()
            do {
                try await connection.subscribe(to: "private-admins")
                XCTFail("nothing to sign with")
            } catch let error as PusherError {
                XCTAssertEqual(error.kind, .authorizationFailed)
            }
            await connection.close()
        }
    }

    func testAnUnknownAppKeyIsRefusedWithCode4001() async throws {
        try await PusherFixture.with { pusher in
            var endpoint = pusher.endpoint
            endpoint.key = "no-such-key"
            do {
                _ = try await PusherConnection.connect(to: endpoint)
                XCTFail("an unknown key must not connect")
            } catch let error as PusherError {
                XCTAssertEqual(error.kind, .refusedByServer)
                XCTAssertTrue(error.message.contains("App key no-such-key not in this cluster"), error.message)
                XCTAssertTrue(error.message.contains("(code 4001)"), error.message)
            }
            let history = await pusher.server.history()
            XCTAssertEqual(history.count, 1)
            XCTAssertTrue(history.first?.description.hasPrefix("connection - to app key no-such-key: rejected") == true)
        }
    }

    func testNothingListeningIsAConnectionFailureNamingTheURL() async throws {
        let port = try ClosedPort.find()
        let endpoint = PusherEndpoint(
            host: "127.0.0.1", port: port, key: "k", useTLS: false, connectTimeout: .seconds(5))
        do {
            _ = try await PusherConnection.connect(to: endpoint)
            XCTFail("nothing listens there")
        } catch let error as PusherError {
            XCTAssertEqual(error.kind, .connectionFailed)
            XCTAssertTrue(
                error.message.hasPrefix(
                    "cannot connect to the Pusher server at ws://127.0.0.1:\(port)/app/k?protocol=7"), error.message)
        }
    }

    func testAPresenceChannelIsSignedWithItsChannelData() async throws {
        try await PusherFixture.with { pusher in
            let connection = try await pusher.connect()
            let member = #"{"user_id":"7","user_info":{"name":"Admin"}}"#
            try await connection.subscribe(to: "presence-admins") { socketID, channel in
                let auth = PusherSignature.channelAuth(
                    key: PusherFixture.key, secret: PusherFixture.secret, socketID: socketID, channel: channel,
                    channelData: member)
                return (auth, member)
            }
            let subscribed = await connection.subscribedChannels
            XCTAssertEqual(subscribed, ["presence-admins"])
            await connection.close()
        }
    }

    func testAClosedConnectionEndsItsWaitsAtOnce() async throws {
        try await PusherFixture.with { pusher in
            let connection = try await pusher.connect()
            try await connection.subscribe(to: "admins")
            await connection.close()
            do {
                _ = try await connection.nextEvent(named: "x", on: "admins", within: .seconds(30))
                XCTFail("closed")
            } catch let error as PusherError {
                XCTAssertEqual(error.kind, .closed)
            }
        }
    }

    func testStoppingTheServerEndsAnOpenConnectionsWaits() async throws {
        let server = try await PusherServer.start(.init(appID: "1", key: "k", secret: "s"))
        let connection = try await PusherConnection.connect(
            to: .init(host: "127.0.0.1", port: server.port, key: "k", useTLS: false))
        try await connection.subscribe(to: "admins")
        let waiting = Task { try await connection.nextEvent(named: "x", on: "admins", within: .seconds(30)) }
        try await Task.sleep(for: .milliseconds(100))
        let started = ContinuousClock.now
        await server.stop()
        do {
            _ = try await waiting.value
            XCTFail("the server went")
        } catch let error as PusherError {
            XCTAssertEqual(error.kind, .closed)
            XCTAssertLessThan(ContinuousClock.now - started, .seconds(5), "\(error)")
        }
    }
}
