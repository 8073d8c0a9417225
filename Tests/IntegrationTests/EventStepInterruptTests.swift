import Foundation
import SideEffectDoubles
import XCTest

/// `subscribe:` and `expect_event:` against the project's Pusher server, run by the built binary: an event
/// published after the subscription is found and timed; a wait for one that never comes ends at once on
/// SIGINT, with the partial reports written and exit 130.
final class EventStepInterruptTests: XCTestCase {
    private func scenario(port: Int, in folder: URL) throws -> String {
        let file = folder.appendingPathComponent("event.yaml")
        try """
        name: Events
        steps:
          - name: public channel is subscribed
            subscribe: { url: "ws://127.0.0.1:\(port)", key: \(PusherFixture.key), channel: demandes }
          - name: notification arrives
            expect_event: { channel: demandes, event: demande.created, contains: CSAR-2026-000900, within: 60s }
            expect:
              jsonpath:
                - { path: "$.reference", equals: CSAR-2026-000900 }
        """.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    /// The built binary running the scenario, once its subscription is made.
    private func subscribed(to fixture: PusherFixture, reports folder: URL) throws -> RunningCommand {
        let command = try RunningCommand([
            "run", try scenario(port: fixture.server.port, in: folder), "--base-url", "http://127.0.0.1:9",
            "--reports", folder.path,
        ])
        XCTAssertTrue(command.waitForOutput(containing: "public channel is subscribed"), command.output)
        return command
    }

    func testAnEventPublishedAfterTheSubscriptionIsFoundAndTimed() async throws {
        try await PusherFixture.with { fixture in
            let folder = try TemporaryFolder.make()
            let command = try subscribed(to: fixture, reports: folder)
            await fixture.server.publish(
                .init(name: "demande.created", channels: ["demandes"], data: #"{"reference":"CSAR-2026-000899"}"#))
            await fixture.server.publish(
                .init(name: "demande.created", channels: ["demandes"], data: #"{"reference":"CSAR-2026-000900"}"#))
            XCTAssertEqual(command.waitForExit(timeout: 30), 0, command.output)
            XCTAssertTrue(command.output.contains("✔ notification arrives"), command.output)
        }
    }

    func testSIGINTEndsAWaitForAnEventAtOnceWithPartialReports() async throws {
        try await PusherFixture.with { fixture in
            let folder = try TemporaryFolder.make()
            let command = try subscribed(to: fixture, reports: folder)
            try await Task.sleep(for: .milliseconds(500))
            let sent = Date()
            command.send(SIGINT)
            XCTAssertEqual(command.waitForExit(timeout: 10), 130, command.output)
            XCTAssertLessThan(Date().timeIntervalSince(sent), 5, "the 60 s wait ended on SIGINT")
            XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("junit.xml").path))
        }
    }
}
