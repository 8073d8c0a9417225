import XCTest

@testable import CSARCheck

/// The load lane's decisions without sockets or clocks: the machine is walked with clock readings made up
/// for the test and told what finished, and every stop reason is reached.
final class LaneStateMachineTests: XCTestCase {
    private let t0: UInt64 = 1_000_000_000_000
    private let ms: UInt64 = 1_000_000

    private func machine(_ plan: LoadPlan) -> LaneStateMachine {
        LaneStateMachine(lane: LoadLane.lanes(for: plan)[0], origin: t0, plan: plan)
    }

    /// The actions up to the first poll or stop, at clock reading `now`.
    private func turn(
        _ machine: inout LaneStateMachine, at now: UInt64, stop: Bool = false
    ) -> [LaneStateMachine.Action] {
        var actions: [LaneStateMachine.Action] = []
        while actions.count < 100 {
            let action = machine.next(now: now, stopRequested: stop)
            actions.append(action)
            switch action {
            case .poll, .stop: return actions
            default: continue
            }
        }
        XCTFail("a turn never ended: \(actions)")
        return actions
    }

    private func starts(_ actions: [LaneStateMachine.Action]) -> [Int] {
        actions.compactMap { if case .start(let index, _, _, _) = $0 { index } else { nil } }
    }

    func testTheClosedModelKeepsItsConcurrencyAndCompletesWhenEveryRequestIsAnswered() {
        var lane = machine(LoadFixtures.plan(requests: 3, concurrency: 2))
        let first = turn(&lane, at: t0)
        XCTAssertEqual(first.first, .start(scheduleIndex: 0, origin: t0, lag: 0, queued: false))
        XCTAssertEqual(starts(first), [0, 1], "two in flight, no more")
        guard case .poll = first.last else { return XCTFail("\(first)") }
        lane.finished(answered: true)
        XCTAssertEqual(starts(turn(&lane, at: t0 + 5 * ms)), [2], "a free connection takes the next request")
        lane.finished(answered: true)
        XCTAssertEqual(turn(&lane, at: t0 + 6 * ms).last.map(isPoll), true, "one still in flight")
        lane.finished(answered: true)
        XCTAssertEqual(turn(&lane, at: t0 + 7 * ms), [.stop(.completed)])
        XCTAssertEqual(lane.sent, 3)
        XCTAssertEqual(lane.inFlight, 0)
    }

    func testARunWithoutACountStopsAtTheRequestCeiling() {
        var plan = LoadFixtures.plan(requests: nil, duration: 60, concurrency: 1)
        plan.ceilings.maxRequests = 2
        var lane = machine(plan)
        for index in 0..<2 {
            XCTAssertEqual(starts(turn(&lane, at: t0 + UInt64(index) * ms)), [index])
            lane.finished(answered: true)
        }
        XCTAssertEqual(turn(&lane, at: t0 + 3 * ms), [.stop(.requestCeiling)])
    }

    func testTheDurationEndsTheRunAfterADrainOfWhatIsInFlight() {
        var lane = machine(LoadFixtures.plan(requests: nil, duration: 1, concurrency: 2))
        XCTAssertEqual(starts(turn(&lane, at: t0)), [0, 1])
        let late = t0 + 1_000 * ms
        let draining = turn(&lane, at: late)
        XCTAssertEqual(starts(draining), [], "no new request once the time is up")
        guard case .poll = draining.last else { return XCTFail("it drains: \(draining)") }
        lane.finished(answered: true)
        lane.finished(answered: true)
        XCTAssertEqual(turn(&lane, at: late + 10 * ms), [.stop(.duration)])
    }

    func testADrainIsBoundedAndWhatIsStillInFlightIsAbandoned() {
        var lane = machine(LoadFixtures.plan(requests: nil, duration: 1, concurrency: 1))
        XCTAssertEqual(starts(turn(&lane, at: t0)), [0])
        let late = t0 + 1_000 * ms
        _ = turn(&lane, at: late)
        XCTAssertEqual(turn(&lane, at: late + LaneStateMachine.drainGrace).last, .stop(.duration))
        XCTAssertEqual(lane.inFlight, 1, "abandoned, uncounted")
    }

    func testWithoutADurationTheTimeCeilingStopsTheRun() {
        var plan = LoadFixtures.plan(requests: 1_000, concurrency: 1)
        plan.ceilings.maxDuration = 2
        var lane = machine(plan)
        XCTAssertEqual(starts(turn(&lane, at: t0)), [0])
        lane.finished(answered: true)
        XCTAssertEqual(turn(&lane, at: t0 + 2_000 * ms), [.stop(.durationCeiling)])
    }

    func testAStopRequestEndsTheLaneAtOnceWithoutADrain() {
        var lane = machine(LoadFixtures.plan(requests: 10, concurrency: 3))
        XCTAssertEqual(starts(turn(&lane, at: t0)), [0, 1, 2])
        XCTAssertEqual(turn(&lane, at: t0 + ms, stop: true), [.stop(.interrupted)])
        XCTAssertEqual(lane.inFlight, 3)
    }

    func testTheFirstRequestsAllUnreachableStopTheLaneButOneAnswerKeepsItGoing() {
        var lane = machine(LoadFixtures.plan(requests: 100, concurrency: 3))
        XCTAssertEqual(starts(turn(&lane, at: t0)), [0, 1, 2])
        for _ in 0..<3 { lane.finished(answered: false, unreachable: true) }
        XCTAssertEqual(turn(&lane, at: t0 + ms), [.stop(.unreachable)])

        var answered = machine(LoadFixtures.plan(requests: 100, concurrency: 3))
        _ = turn(&answered, at: t0)
        answered.finished(answered: true)
        for _ in 0..<2 { answered.finished(answered: false, unreachable: true) }
        _ = turn(&answered, at: t0 + ms)
        for _ in 0..<3 { answered.finished(answered: false, unreachable: true) }
        XCTAssertEqual(
            starts(turn(&answered, at: t0 + 2 * ms)), [6, 7, 8], "the target answered once: not unreachable")
    }

    func testTheOpenModelStartsOnScheduleCountsLagAndQueuedRequests() {
        var lane = machine(LoadFixtures.plan(model: .open(rate: 10), requests: 3, concurrency: 1))
        let first = turn(&lane, at: t0)
        XCTAssertEqual(first.first, .start(scheduleIndex: 0, origin: t0, lag: 0, queued: false))
        XCTAssertEqual(first.last, .poll(milliseconds: 100), "asleep until the next is due")
        // Request 1 is due at 100 ms while request 0 still holds the only connection: it waits, queued.
        XCTAssertEqual(starts(turn(&lane, at: t0 + 150 * ms)), [])
        lane.finished(answered: true)
        XCTAssertEqual(
            turn(&lane, at: t0 + 180 * ms).first(where: isStart),
            .start(scheduleIndex: 1, origin: t0 + 100 * ms, lag: 80 * ms, queued: true),
            "its latency counts from when it was due")
        lane.finished(answered: true)
        XCTAssertEqual(
            turn(&lane, at: t0 + 250 * ms).first(where: isStart),
            .start(scheduleIndex: 2, origin: t0 + 200 * ms, lag: 50 * ms, queued: false))
        lane.finished(answered: true)
        XCTAssertEqual(turn(&lane, at: t0 + 260 * ms), [.stop(.completed)])
    }

    func testTimeoutsAreLookedForAtMostEveryHundredMilliseconds() {
        var lane = machine(LoadFixtures.plan(requests: 1, concurrency: 1))
        XCTAssertFalse(turn(&lane, at: t0).contains(.sweepTimeouts))
        XCTAssertFalse(turn(&lane, at: t0 + 50 * ms).contains(.sweepTimeouts))
        XCTAssertEqual(turn(&lane, at: t0 + 100 * ms).first, .sweepTimeouts)
        XCTAssertFalse(turn(&lane, at: t0 + 150 * ms).contains(.sweepTimeouts))
    }

    func testThePollWakesForTheNextSecondAndNeverSleepsLongerThanAHundredMilliseconds() {
        var lane = machine(LoadFixtures.plan(requests: 1, concurrency: 1))
        XCTAssertEqual(turn(&lane, at: t0).last, .poll(milliseconds: 100))
        XCTAssertEqual(turn(&lane, at: t0 + 960 * ms).last, .poll(milliseconds: 40), "the timeline's next second")
    }

    private func isPoll(_ action: LaneStateMachine.Action) -> Bool {
        if case .poll = action { true } else { false }
    }

    private func isStart(_ action: LaneStateMachine.Action) -> Bool {
        if case .start = action { true } else { false }
    }
}
