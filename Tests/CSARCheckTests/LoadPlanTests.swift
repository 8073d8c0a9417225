import XCTest

@testable import CSARCheck

final class LoadPlanTests: XCTestCase {
    private let home = HTTPRequest(url: "http://127.0.0.1:8080/")

    private func message(_ plan: LoadPlan, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            try plan.validate()
            XCTFail("expected the plan to be refused", file: file, line: line)
            return ""
        } catch {
            return error.message
        }
    }

    func testCountBoundClosedModelLikeAb() throws {
        let plan = LoadPlan(targets: [home], requests: 50, concurrency: 5)
        try plan.validate()
        XCTAssertEqual(plan.requestLimit, 50)
        XCTAssertEqual(plan.timeLimit, LoadCeilings.defaultMaxDuration, "a count run is still bounded in time")
    }

    func testDurationBoundClosedModelIsCappedByTheRequestCeiling() throws {
        let plan = LoadPlan(targets: [home], duration: 10, concurrency: 20)
        try plan.validate()
        XCTAssertEqual(plan.requestLimit, LoadCeilings.defaultMaxRequests)
        XCTAssertEqual(plan.timeLimit, 10)
    }

    func testEveryRunMustBeBounded() {
        XCTAssertTrue(message(LoadPlan(targets: [home])).contains("unbounded"))
        XCTAssertTrue(message(LoadPlan(targets: [home], model: .open(rate: 10))).contains("unbounded"))
    }

    func testCeilingsNeedRaising() throws {
        XCTAssertTrue(message(LoadPlan(targets: [home], requests: 2_000_000)).contains("ceiling"))
        XCTAssertTrue(message(LoadPlan(targets: [home], duration: 7200)).contains("ceiling"))
        XCTAssertTrue(
            message(LoadPlan(targets: [home], model: .open(rate: 1000), duration: 3000)).contains("3000000 requests"))
        let raised = LoadPlan(targets: [home], requests: 2_000_000, ceilings: LoadCeilings(maxRequests: 5_000_000))
        try raised.validate()
        XCTAssertTrue(raised.ceilings.exceedDefaults)
    }

    /// An open rate that would send nothing in its duration, or whose count would outlast the time ceiling,
    /// is refused before the run, not found out at its end (or an hour later).
    func testAnOpenRateMustFitItsBounds() throws {
        XCTAssertEqual(
            message(LoadPlan(targets: [home], model: .open(rate: 1e-300), duration: 2)),
            "1e-300 req/s for 2 s is less than one request; raise the rate or the duration")
        XCTAssertEqual(
            message(LoadPlan(targets: [home], model: .open(rate: 0.001), requests: 5)),
            "5 requests at 0.001 req/s take 5000 s, above the ceiling of 3600 s; raise the rate, give a duration, or "
                + "raise the ceiling with --max-requests/--max-duration and --allow-huge-run")
        XCTAssertTrue(
            message(LoadPlan(targets: [home], model: .open(rate: 1e300), duration: 10)).hasPrefix(
                "1e+300 req/s for 10 s is 1e+301 requests"))
        try LoadPlan(targets: [home], model: .open(rate: 0.5), duration: 2).validate()
        try LoadPlan(targets: [home], model: .open(rate: 0.001), requests: 5, duration: 3000).validate()
    }

    func testConcurrencyThreadsAndBodies() {
        XCTAssertTrue(message(LoadPlan(targets: [home], requests: 1, concurrency: 0)).contains("concurrency"))
        XCTAssertTrue(message(LoadPlan(targets: [home], requests: 10, concurrency: 2, threads: 3)).contains("threads"))
        var upload = home
        upload.body = .multipart([MultipartPart(name: "f", content: .text("x"))])
        XCTAssertTrue(message(LoadPlan(targets: [upload], requests: 1)).contains("multipart"))
        XCTAssertTrue(message(LoadPlan(targets: [], requests: 1)).contains("no URL"))
    }

    func testLanesSplitConnectionsAndRequests() {
        let plan = LoadPlan(targets: [home], requests: 11, concurrency: 5, threads: 2)
        let lanes = LoadLane.lanes(for: plan)
        XCTAssertEqual(lanes.map(\.concurrency), [3, 2])
        XCTAssertEqual(lanes.map(\.requestLimit), [6, 5])
        XCTAssertEqual(lanes[1].scheduleIndex(ofLaneRequest: 2), 5)
        XCTAssertNil(lanes[0].pacer)
    }

    func testDefaultConcurrency() {
        XCTAssertEqual(LoadPlan.defaultConcurrency(rate: nil), 1)
        XCTAssertEqual(LoadPlan.defaultConcurrency(rate: 20), 20)
        XCTAssertEqual(LoadPlan.defaultConcurrency(rate: 0.5), 1)
        XCTAssertEqual(LoadPlan.defaultConcurrency(rate: 50_000), 1000)
    }
}
