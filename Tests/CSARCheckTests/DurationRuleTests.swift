import XCTest

@testable import CSARCheck

final class DurationRuleTests: XCTestCase {
    func testOnlyFinitePositiveBoundedDurationsPass() {
        for seconds in [0.001, 1, 30, 3600] { XCTAssertNil(DurationRule.timeout.problem(seconds), "\(seconds)") }
        for seconds in [0, -1, 3600.5, 1e16, 1e300, .infinity, -.infinity, .nan] {
            XCTAssertNotNil(DurationRule.timeout.problem(seconds), "\(seconds)")
        }
        XCTAssertNil(DurationRule.delay.problem(0), "a retry may follow at once")
        XCTAssertNotNil(DurationRule.delay.problem(.infinity))
        XCTAssertNil(DurationRule.loadDuration.problem(86_400))
        XCTAssertNotNil(DurationRule.loadDuration.problem(8 * 86_400))
    }

    func testTheMessageSaysWhatIsAccepted() {
        XCTAssertEqual(
            DurationRule.timeout.problem(.infinity),
            "expected a duration of more than 0 and at most 1h, such as 2s, 500ms or 1m, found 'inf'")
        XCTAssertEqual(DurationRule.delay.range, "a duration of 0 or more and at most 10m, such as 2s, 500ms or 1m")
    }

    func testCriteriaThresholdsAreFinite() {
        XCTAssertThrowsError(try Criterion(parsing: "p95 < infs"))
        XCTAssertThrowsError(try Criterion(parsing: "http_5xx <= inf"))
        XCTAssertEqual(try Criterion(parsing: "p95 < 2s").threshold, 2)
    }

    func testTimeoutsHandedToLibcurlStayWithinTheRule() {
        XCTAssertEqual(HTTPClient.milliseconds(.infinity), 3_600_000)
        XCTAssertEqual(HTTPClient.milliseconds(.nan), 3_600_000)
        XCTAssertEqual(HTTPClient.milliseconds(0), 1, "never 0, which libcurl reads as no timeout")
        XCTAssertEqual(HTTPClient.milliseconds(2.5), 2500)
    }
}
