import DemoSite
import XCTest

final class DemoSiteLifecycleTests: XCTestCase {
    func testEphemeralPortsAndStop() async throws {
        let first = try await DemoSite.start()
        let second = try await DemoSite.start()
        XCTAssertNotEqual(first.port, second.port)
        XCTAssertEqual(first.baseURL, "http://127.0.0.1:\(first.port)")
        let response = try await DemoHTTPClient.request(port: second.port, method: "GET", target: "/")
        XCTAssertEqual(response.status, 200)

        await first.stop()
        await first.stop()
        do {
            _ = try await DemoHTTPClient.request(port: first.port, method: "GET", target: "/")
            XCTFail("a stopped site must refuse connections")
        } catch DemoHTTPClientError.connectFailed {
            // Expected: nothing listens any more.
        }
        let stillUp = try await DemoHTTPClient.request(port: second.port, method: "GET", target: "/")
        XCTAssertEqual(stillUp.status, 200)
        await second.stop()
    }

    func testStartFailsCleanlyWhenThePortIsTaken() async throws {
        try await withDemoSite { site in
            do {
                let clash = try await DemoSite.start(DemoSiteConfiguration(port: site.port))
                await clash.stop()
                XCTFail("binding a used port must fail")
            } catch let error as DemoSiteError {
                XCTAssertTrue(error.description.contains("cannot listen"), error.description)
            }
        }
        do {
            _ = try await DemoSite.start(DemoSiteConfiguration(port: 70_000))
            XCTFail("an impossible port must be rejected")
        } catch is DemoSiteError {
            // Expected.
        }
    }

    func testStopWaitsForRequestsInFlight() async throws {
        let site = try await DemoSite.start()
        site.faults.latency = ["/": 300]
        let port = site.port
        async let slow = DemoHTTPClient.request(port: port, method: "GET", target: "/")
        try await Task.sleep(for: .milliseconds(100))
        await site.stop()
        let response = try await slow
        XCTAssertEqual(response.status, 200, "graceful shutdown lets the slow request finish")
    }
}
