import XCTest

@testable import CSARCheck

final class LoadTimelineTests: XCTestCase {
    private func sample(_ latencies: [UInt64], status: Int = 200, failures: Int = 0) -> SecondSample {
        var sample = SecondSample()
        for latency in latencies { sample.recordResponse(status: status, micros: latency) }
        for _ in 0..<failures { sample.recordFailure() }
        return sample
    }

    func testASecondIsCondensedOnceEveryThreadReportedIt() {
        let timeline = LiveTimeline(lanes: 2)
        timeline.publish(second: 0, sample: sample([1_000, 2_000]))
        XCTAssertNil(timeline.progress().lastSecond, "second 0 still waits for the other thread")
        timeline.publish(second: 0, sample: sample([3_000], status: 503, failures: 1))
        let progress = timeline.progress()
        XCTAssertEqual(progress.completed, 4)
        XCTAssertEqual(progress.errors, 2)
        XCTAssertEqual(progress.lastSecond?.requests, 4)
        XCTAssertEqual(progress.lastSecond?.serverErrors, 1)
        XCTAssertEqual(progress.lastSecond?.transportErrors, 1)
        XCTAssertEqual(progress.lastSecond?.ok, 2)
        XCTAssertEqual(Double(progress.lastSecond?.p50 ?? 0), 2_000, accuracy: 20)
    }

    func testAFinishedThreadIsNoLongerWaitedFor() {
        let timeline = LiveTimeline(lanes: 2)
        timeline.publish(second: 0, sample: sample([1_000]))
        timeline.laneFinished(lastSecond: 0)
        timeline.publish(second: 0, sample: sample([1_000]))
        timeline.publish(second: 1, sample: sample([5_000]))
        XCTAssertEqual(timeline.progress().lastSecond?.second, 1)
        XCTAssertEqual(timeline.finish().map(\.requests), [2, 1])
    }

    func testFinishKeepsSecondsInOrderAndEmptyOnes() {
        let timeline = LiveTimeline(lanes: 1)
        timeline.publish(second: 0, sample: sample([1_000]))
        timeline.publish(second: 1, sample: SecondSample())
        timeline.publish(second: 2, sample: sample([9_000, 9_000]))
        let buckets = timeline.finish()
        XCTAssertEqual(buckets.map(\.second), [0, 1, 2])
        XCTAssertEqual(buckets.map(\.requests), [1, 0, 2])
        XCTAssertEqual(buckets[1].p95, 0)
    }
}
