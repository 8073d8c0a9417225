import CSARCheck
import Foundation
import XCTest

/// The load engine against the demo site on loopback: counts, models, faults, stops. Each test is
/// bounded to a few seconds.
final class LoadEngineTests: XCTestCase {
    private func run(_ plan: LoadPlan, stop: StopSignal = StopSignal()) async throws -> LoadResult {
        try await DedicatedThread.run { () -> Result<LoadResult, LoadPlanError> in
            Result { () throws(LoadPlanError) in try LoadEngine.run(plan, stop: stop) }
        }.get()
    }

    private func loadPlan(
        _ url: String, requests: Int? = nil, duration: Double? = nil, rate: Double? = nil, concurrency: Int = 1,
        keepAlive: Bool = true, threads: Int = 1
    ) -> LoadPlan {
        LoadPlan(
            targets: [HTTPRequest(url: url)], model: rate.map { .open(rate: $0) } ?? .closed, requests: requests,
            duration: duration, concurrency: concurrency, keepAlive: keepAlive, threads: threads,
            transfer: TransferOptions(connectTimeout: 2, totalTimeout: 5)
        )
    }

    func testClosedModelCountsEveryRequestAndStatus() async throws {
        try await DemoSiteFixture.with { demo in
            let result = try await run(loadPlan(demo.baseURL + "/", requests: 200, concurrency: 10))
            XCTAssertEqual(result.completed, 200)
            XCTAssertEqual(result.statusCounts, [StatusCount(status: 200, count: 200)])
            XCTAssertEqual(result.transportErrors, [])
            XCTAssertEqual(result.stopReason, .completed)
            XCTAssertEqual(result.latency.total.totalCount, 200)
            XCTAssertLessThanOrEqual(result.connectionsOpened, 10, "keep-alive reuses the connections")
            XCTAssertEqual(result.timeline.reduce(0) { $0 + $1.requests }, 200, "per-second buckets add up")
            XCTAssertGreaterThan(result.bodyBytes, 0)
            XCTAssertEqual(Verdicts.of(load: result), .passed)
        }
    }

    func testInjected500sAreCountedAndFailTheVerdict() async throws {
        try await DemoSiteFixture.with(faults: ["500:/"]) { demo in
            let result = try await run(loadPlan(demo.baseURL + "/", requests: 40, concurrency: 4))
            XCTAssertEqual(result.statusCounts, [StatusCount(status: 500, count: 40)])
            XCTAssertEqual(result.serverErrors, 40)
            XCTAssertEqual(result.availability, 0)
            XCTAssertFalse(result.isUnreachable, "a 500 is an answer")
            XCTAssertEqual(result.timeline.reduce(0) { $0 + $1.serverErrors }, 40)
            XCTAssertEqual(Verdicts.of(load: result), .failed)
        }
    }

    func testInjectedLatencyShowsInTotalAndWait() async throws {
        try await DemoSiteFixture.with(faults: ["latency:/=200"]) { demo in
            let result = try await run(loadPlan(demo.baseURL + "/", requests: 10, concurrency: 5))
            XCTAssertEqual(result.completed, 10)
            let p50 = result.latency.total.valueAtPercentile(50)
            XCTAssertGreaterThanOrEqual(p50, 200_000)
            XCTAssertLessThan(p50, 1_000_000)
            XCTAssertGreaterThanOrEqual(
                result.latency.wait.valueAtPercentile(50), 190_000, "the server's time is the wait")
            XCTAssertGreaterThanOrEqual(result.wallTime, 0.4, "-n 10 -c 5 is two rounds of 200 ms")
        }
    }

    func testWithoutKeepAliveEveryRequestOpensAConnection() async throws {
        try await DemoSiteFixture.with { demo in
            let fresh = try await run(loadPlan(demo.baseURL + "/", requests: 30, concurrency: 3, keepAlive: false))
            XCTAssertEqual(fresh.completed, 30)
            XCTAssertEqual(fresh.connectionsOpened, 30)
        }
    }

    func testDurationBoundClosedModelStopsOnTime() async throws {
        try await DemoSiteFixture.with { demo in
            let result = try await run(loadPlan(demo.baseURL + "/", duration: 1, concurrency: 2))
            XCTAssertEqual(result.stopReason, .duration)
            XCTAssertGreaterThan(result.completed, 10)
            XCTAssertEqual(result.wallTime, 1, accuracy: 0.5)
        }
    }

    func testOpenModelKeepsToItsRate() async throws {
        try await DemoSiteFixture.with { demo in
            let result = try await run(loadPlan(demo.baseURL + "/", duration: 1, rate: 50, concurrency: 10))
            let schedule = try XCTUnwrap(result.schedule)
            XCTAssertEqual(schedule.sent, 50, "50 req/s for 1 s")
            XCTAssertEqual(result.completed, 50)
            XCTAssertEqual(schedule.achievedRate, 50, accuracy: 2.5)
            XCTAssertEqual(result.wallTime, 1, accuracy: 0.3)
            XCTAssertEqual(schedule.queued, 0)
        }
    }

    func testOpenModelCountsTimeQueuedBehindASlowServer() async throws {
        // 20 req/s but only 2 connections to a server taking 300 ms: requests queue, and the latency
        // counted from their intended start shows it while the service time does not.
        try await DemoSiteFixture.with(faults: ["latency:/=300"]) { demo in
            let result = try await run(loadPlan(demo.baseURL + "/", requests: 12, rate: 20, concurrency: 2))
            XCTAssertEqual(result.completed, 12)
            XCTAssertGreaterThan(result.schedule?.queued ?? 0, 0)
            XCTAssertGreaterThan(result.latency.total.maxRecorded, 2 * result.latency.service.maxRecorded)
            XCTAssertTrue(
                result.warnings.contains { $0.contains("waited for a free connection") }, "\(result.warnings)")
        }
    }

    func testASlowResponseTimesOut() async throws {
        try await DemoSiteFixture.with(faults: ["latency:/=1500"]) { demo in
            var plan = loadPlan(demo.baseURL + "/", requests: 2, concurrency: 2)
            plan.transfer.totalTimeout = 0.4
            let started = Date()
            let result = try await run(plan)
            let elapsed = Date().timeIntervalSince(started)
            XCTAssertEqual(result.responses, 0)
            XCTAssertEqual(result.transportErrors.map(\.phase), [.timeout])
            XCTAssertEqual(result.transportErrors.first?.count, 2)
            XCTAssertFalse(result.isUnreachable, "the server accepted the connection")
            XCTAssertLessThan(elapsed, 1.2, "ended at the timeout, not at the response")
        }
    }

    func testThreadsMergeTheirCounts() async throws {
        try await DemoSiteFixture.with { demo in
            let result = try await run(loadPlan(demo.baseURL + "/", requests: 101, concurrency: 4, threads: 2))
            XCTAssertEqual(result.completed, 101)
            XCTAssertEqual(result.latency.total.totalCount, 101)
            XCTAssertEqual(result.timeline.reduce(0) { $0 + $1.requests }, 101)
        }
    }

    func testAnUnreachableTargetStopsEarly() async throws {
        let started = Date()
        let result = try await run(
            loadPlan("http://127.0.0.1:\(try ClosedPort.find())/", requests: 1_000, concurrency: 5))
        XCTAssertTrue(result.isUnreachable)
        XCTAssertEqual(result.stopReason, .unreachable)
        XCTAssertEqual(result.transportErrors.first?.phase, .connect)
        XCTAssertLessThan(result.completed, 50)
        XCTAssertLessThan(Date().timeIntervalSince(started), 3)
    }

    func testAStopRequestEndsTheRunWithAPartialResult() async throws {
        try await DemoSiteFixture.with { demo in
            let stop = StopSignal()
            DispatchQueue.global().asyncAfter(deadline: .now() + 0.5) { stop.request() }
            let result = try await run(loadPlan(demo.baseURL + "/", duration: 10, concurrency: 2), stop: stop)
            XCTAssertEqual(result.stopReason, .interrupted)
            XCTAssertLessThan(result.wallTime, 2)
            XCTAssertGreaterThan(result.completed, 0)
            XCTAssertTrue(result.warnings.contains { $0.hasPrefix("interrupted: partial result") })
        }
    }
}
