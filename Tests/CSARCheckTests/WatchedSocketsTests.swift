import XCTest

@testable import CSARCheck

#if canImport(Glibc)
    import Glibc
#endif

/// The load engine's poll list: what libcurl asks to watch is what `poll` waits on, and only ready
/// sockets come back.
final class WatchedSocketsTests: XCTestCase {
    func testWatchChangeAndForgetKeepTheListDense() {
        var sockets = WatchedSockets()
        sockets.watch(7, events: Int16(POLLOUT))
        sockets.watch(9, events: Int16(POLLIN))
        sockets.watch(4, events: Int16(POLLIN))
        sockets.watch(7, events: Int16(POLLIN))
        XCTAssertEqual(sockets.descriptors.map(\.fd), [7, 9, 4])
        XCTAssertEqual(sockets.descriptors[0].events, Int16(POLLIN), "a second watch changes the events")
        sockets.forget(7)
        XCTAssertEqual(sockets.descriptors.map(\.fd), [4, 9], "the last entry takes the forgotten one's place")
        sockets.forget(7)
        sockets.forget(123)
        XCTAssertEqual(sockets.descriptors.map(\.fd), [4, 9], "forgetting an unwatched socket changes nothing")
        sockets.watch(7, events: Int16(POLLOUT))
        sockets.forget(9)
        sockets.forget(4)
        XCTAssertEqual(sockets.descriptors.map(\.fd), [7])
    }

    func testOnlyReadySocketsComeBack() throws {
        var quiet: [Int32] = [0, 0]
        var talking: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&quiet), 0)
        XCTAssertEqual(pipe(&talking), 0)
        defer { for fd in quiet + talking { close(fd) } }
        var sockets = WatchedSockets()
        sockets.watch(quiet[0], events: Int16(POLLIN))
        sockets.watch(talking[0], events: Int16(POLLIN))
        XCTAssertTrue(sockets.ready(waitingAtMost: 0).isEmpty, "nothing written yet")
        XCTAssertEqual(write(talking[1], "x", 1), 1)
        let ready = sockets.ready(waitingAtMost: 1000)
        XCTAssertEqual(ready.map(\.fd), [talking[0]])
        XCTAssertNotEqual(ready[0].revents & Int16(POLLIN), 0)
    }
}
