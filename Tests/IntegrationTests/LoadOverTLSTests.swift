import Foundation
import XCTest

@testable import CSARCheck

/// The load engine and the functional runner over loopback TLS: new connections cost no stall of the
/// client's own (issue 10: 40 ms per connection was reported as the server's time to first byte), and a
/// server that closes kept-alive connections without saying so costs no request. Bounds are generous:
/// these guard against the 40 ms class of stall, they are not benchmarks.
final class LoadOverTLSTests: XCTestCase {
    /// Far above a loopback TLS request on a busy machine (a few ms), far below a delayed-ACK stall (40 ms).
    private static let stallBound: UInt64 = 25_000

    private func run(_ plan: LoadPlan) async throws -> LoadResult {
        try await DedicatedThread.run { () -> Result<LoadResult, LoadPlanError> in
            Result { () throws(LoadPlanError) in try LoadEngine.run(plan) }
        }.get()
    }

    private func plan(
        _ url: String, requests: Int, concurrency: Int = 1, keepAlive: Bool = false, tlsResume: Bool = false,
        caBundle: String? = nil
    ) -> LoadPlan {
        LoadPlan(
            targets: [HTTPRequest(url: url)], requests: requests, concurrency: concurrency, keepAlive: keepAlive,
            tlsResume: tlsResume,
            transfer: TransferOptions(connectTimeout: 5, totalTimeout: 10, caCertificatePath: caBundle)
        )
    }

    /// A TLS 1.3 server without session tickets says nothing after the client's Finished, so it delays
    /// its ACK; a request held by Nagle behind that Finished waited 40 ms on every connection. A bundle the
    /// size of a system one, parsed again for every connection, cost as much in CPU.
    func testNewTLSConnectionsCostNoStallOfTheClient() async throws {
        let server = try LocalTLSServer.start(.init(sessionTickets: false))
        defer { server.stop() }
        let bundle = try server.largeCABundle(copies: 1000)
        for tlsResume in [false, true] {
            let result = try await run(plan(server.baseURL + "/", requests: 30, tlsResume: tlsResume, caBundle: bundle))
            XCTAssertEqual(result.responses, 30, "\(result.transportErrors)")
            XCTAssertEqual(result.connectionsOpened, 30)
            let total = result.latency.total.valueAtPercentile(50)
            let wait = result.latency.wait.valueAtPercentile(50)
            XCTAssertLessThan(total, Self.stallBound, "median latency \(total) µs, tls-resume \(tlsResume)")
            XCTAssertLessThan(wait, Self.stallBound, "median time to first byte \(wait) µs, tls-resume \(tlsResume)")
        }
    }

    /// Every new connection is one handshake, counted once (TLS 1.3 session tickets arrive after it); with
    /// `tlsResume` all but each slot's first resume the session the server gave.
    func testHandshakesAreCountedAndResumedOnlyWhenAsked() async throws {
        let server = try LocalTLSServer.start()
        defer { server.stop() }
        let url = server.baseURL + "/"
        let full = try await run(plan(url, requests: 20, concurrency: 2, caBundle: server.certificatePath))
        XCTAssertEqual(full.responses, 20)
        XCTAssertEqual(full.tlsHandshakes, 20)
        XCTAssertEqual(full.tlsResumed, 0, "no session offered: a full handshake each, as ab")
        XCTAssertGreaterThan(full.tlsHandshakesPerSecond, 0)
        let resumed = try await run(
            plan(url, requests: 20, concurrency: 2, tlsResume: true, caBundle: server.certificatePath))
        XCTAssertEqual(resumed.tlsHandshakes, 20)
        XCTAssertEqual(resumed.tlsResumed, 18, "each slot's first handshake is full")
        let kept = try await run(
            plan(url, requests: 20, concurrency: 2, keepAlive: true, caBundle: server.certificatePath))
        XCTAssertEqual(kept.tlsHandshakes, 2, "keep-alive: one handshake per connection")
        let plain = try LocalTLSServer.start(.init(tls: false))
        defer { plain.stop() }
        let http = try await run(plan(plain.baseURL + "/", requests: 3))
        XCTAssertEqual(http.tlsHandshakes, 0)
    }

    /// libcurl makes an OpenSSL context per connection, a quarter of the CPU of each HTTPS request; a load
    /// lane's connections share one (libcurl 7.88 with OpenSSL 3, Debian 12), correctly verified.
    func testALanesConnectionsShareOneOpenSSLContext() async throws {
        let server = try LocalTLSServer.start()
        defer { server.stop() }
        let shared = LoadWorker.sharesTLSContext
        let url = server.baseURL + "/"
        let one = try await run(plan(url, requests: 30, concurrency: 3, caBundle: server.certificatePath))
        XCTAssertEqual(one.responses, 30, "\(one.transportErrors)")
        XCTAssertEqual(one.tlsHandshakes, 30)
        XCTAssertEqual(one.tlsContexts, shared ? 1 : 30)
        var twoLanes = plan(url, requests: 30, concurrency: 4, caBundle: server.certificatePath)
        twoLanes.threads = 2
        let two = try await run(twoLanes)
        XCTAssertEqual(two.responses, 30)
        XCTAssertEqual(two.tlsContexts, shared ? 2 : 30, "one per thread")
        let refused = try await run(plan(url, requests: 3))
        XCTAssertEqual(refused.responses, 0, "a shared context still verifies: the test CA is not trusted here")
        XCTAssertEqual(refused.transportErrors.map(\.phase), [.tls])
    }

    /// The functional runner, one new TLS connection per request (the server answers `Connection: close`),
    /// under the same bound.
    func testTheFunctionalRunnersTLSTimingsCostNoStallOfTheClient() async throws {
        let server = try LocalTLSServer.start(.init(sessionTickets: false, connectionClose: true))
        defer { server.stop() }
        let bundle = try server.largeCABundle(copies: 1000)
        let url = server.baseURL + "/"
        let timings = try await DedicatedThread.run { () -> Result<[HTTPTimings], TransportError> in
            let options = TransferOptions(connectTimeout: 5, totalTimeout: 10, caCertificatePath: bundle)
            let client = HTTPClient(options: options)
            return Result { () throws(TransportError) in
                try (0..<12).map { _ throws(TransportError) in try client.send(HTTPRequest(url: url)).timings }
            }
        }.get()
        let totals = timings.map { UInt64($0.total * 1_000_000) }.sorted()
        let firstBytes = timings.map { UInt64($0.firstByte * 1_000_000) }.sorted()
        XCTAssertLessThan(totals[totals.count / 2], Self.stallBound, "totals in µs: \(totals)")
        XCTAssertLessThan(firstBytes[firstBytes.count / 2], Self.stallBound, "times to first byte in µs: \(firstBytes)")
        XCTAssertTrue(timings.allSatisfy { $0.tlsDone > $0.connectDone }, "each request made a handshake")
    }
}
