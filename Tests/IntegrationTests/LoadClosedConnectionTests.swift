import CSARCheck
import Foundation
import XCTest

/// With keep-alive, a server may close a connection after a response without saying so (no
/// `Connection: close`); the next request on it finds it dead. It must go again on a new connection,
/// as ab and browsers do, and never count as a transport error (issue 10: 5–13 % did).
final class LoadClosedConnectionTests: XCTestCase {
    private func run(_ plan: LoadPlan) async throws -> LoadResult {
        try await DedicatedThread.run { () -> Result<LoadResult, LoadPlanError> in
            Result { () throws(LoadPlanError) in try LoadEngine.run(plan) }
        }.get()
    }

    func testAServerClosingKeptAliveConnectionsCostsNoRequest() async throws {
        for tls in [false, true] {
            let server = try LocalTLSServer.start(.init(tls: tls, closeAfterResponses: 2))
            defer { server.stop() }
            let plan = LoadPlan(
                targets: [HTTPRequest(url: server.baseURL + "/")], requests: 400, concurrency: 4, keepAlive: true,
                transfer: TransferOptions(
                    connectTimeout: 5, totalTimeout: 10, caCertificatePath: tls ? server.certificatePath : nil)
            )
            let result = try await run(plan)
            XCTAssertEqual(result.transportErrors, [], "TLS \(tls)")
            XCTAssertEqual(result.statusCounts, [StatusCount(status: 200, count: 400)], "TLS \(tls)")
            XCTAssertGreaterThanOrEqual(result.connectionsOpened, 200, "the server closed after every 2nd response")
            XCTAssertLessThanOrEqual(result.connectionsOpened, 220, "a request went again at most once")
        }
    }
}
