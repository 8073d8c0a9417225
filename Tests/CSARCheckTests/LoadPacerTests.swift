import XCTest

@testable import CSARCheck

final class LoadPacerTests: XCTestCase {
    private let ms: UInt64 = 1_000_000

    func testSendsOnScheduleAndWaitsBetween() {
        let pacer = LoadPacer(rate: 10, total: 3)
        XCTAssertEqual(pacer.decide(elapsed: 0, sent: 0), .send(intendedAt: 0))
        XCTAssertEqual(pacer.decide(elapsed: 0, sent: 1), .wait(100 * ms))
        XCTAssertEqual(pacer.decide(elapsed: 40 * ms, sent: 1), .wait(60 * ms))
        XCTAssertEqual(pacer.decide(elapsed: 100 * ms, sent: 1), .send(intendedAt: 100 * ms))
        XCTAssertEqual(pacer.decide(elapsed: 5_000 * ms, sent: 3), .stop)
    }

    func testBehindScheduleSendsAtOnceWithTheIntendedTime() {
        let pacer = LoadPacer(rate: 10, total: 100)
        // 1 s late: request 2 is still measured from 200 ms, so the delay counts as latency.
        XCTAssertEqual(pacer.decide(elapsed: 1_200 * ms, sent: 2), .send(intendedAt: 200 * ms))
    }

    func testFractionalRates() {
        XCTAssertEqual(LoadPacer(rate: 0.5, total: 2).decide(elapsed: 0, sent: 1), .wait(2_000 * ms))
        XCTAssertEqual(LoadPacer(rate: 3, total: 4).intendedTime(ofScheduleIndex: 1), 333_333_333)
        XCTAssertEqual(LoadPacer(rate: 40, total: 1).interval, 25 * ms)
    }

    func testLanesShareTheScheduleExactly() {
        let total: UInt64 = 10
        let lanes = (0..<3).map { LoadPacer(rate: 100, total: total, lane: $0, lanes: 3) }
        XCTAssertEqual(lanes.map(\.laneTotal), [4, 3, 3])
        var intended: [UInt64] = []
        for pacer in lanes {
            for sent in 0..<pacer.laneTotal {
                guard case .send(let at) = pacer.decide(elapsed: .max / 2, sent: sent) else {
                    return XCTFail("not due")
                }
                intended.append(at)
            }
            XCTAssertEqual(pacer.decide(elapsed: .max / 2, sent: pacer.laneTotal), .stop)
        }
        XCTAssertEqual(intended.sorted(), (0..<total).map { $0 * 10 * ms })
    }

    func testEmptyLane() {
        let pacer = LoadPacer(rate: 5, total: 1, lane: 1, lanes: 2)
        XCTAssertEqual(pacer.laneTotal, 0)
        XCTAssertEqual(pacer.decide(elapsed: 0, sent: 0), .stop)
    }

    func testOpenModelScheduleLength() {
        let plan = LoadPlan(targets: [HTTPRequest(url: "http://127.0.0.1/")], model: .open(rate: 40), duration: 300)
        XCTAssertEqual(plan.requestLimit, 12_000)
        var capped = plan
        capped.requests = 100
        XCTAssertEqual(capped.requestLimit, 100)
        XCTAssertEqual(LoadPlan(targets: plan.targets, model: .open(rate: 2.5), duration: 3).requestLimit, 7)
    }
}
