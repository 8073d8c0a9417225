import XCTest

@testable import CSARCheck

/// The summary, line for line: ab's layout first (so people who read ab read it), then the extras.
final class LoadSummaryTextTests: XCTestCase {
    private func golden() -> LoadResult {
        // 10 requests of 1…10 ms (two over new connections), 1 s wall, keep-alive, c=2; one 404.
        let latencies = (1...10).map { UInt64($0) * 1_000 }
        var result = LoadFixtures.result(
            latencies: latencies, statuses: [200, 200, 200, 200, 200, 200, 200, 200, 200, 404])
        result.timeline = [
            SecondBucket(
                second: 0, requests: 6, ok: 6, clientErrors: 0, serverErrors: 0, transportErrors: 0, p50: 3_000,
                p95: 6_000, p99: 6_000),
            SecondBucket(
                second: 1, requests: 4, ok: 3, clientErrors: 1, serverErrors: 0, transportErrors: 0, p50: 8_000,
                p95: 10_000, p99: 10_000),
            SecondBucket(
                second: 2, requests: 0, ok: 0, clientErrors: 0, serverErrors: 0, transportErrors: 0, p50: 0, p95: 0,
                p99: 0),
        ]
        return result
    }

    func testGoldenSummary() {
        let expected = """
            Server Software:        nginx/1.22.1
            Server Hostname:        127.0.0.1
            Server Port:            18080

            Document Path:          /
            Document Length:        2143 bytes

            Concurrency Level:      2
            Time taken for tests:   1.000 seconds
            Complete requests:      10
            Failed requests:        0
            Non-2xx responses:      1
            Keep-Alive requests:    8
            Total transferred:      23810 bytes
            HTML transferred:       21430 bytes
            Requests per second:    10.00 [#/sec] (mean)
            Time per request:       200.000 [ms] (mean)
            Time per request:       100.000 [ms] (mean, across all concurrent requests)
            Transfer rate:          23.25 [Kbytes/sec] received

            Connection Times (ms)
                          min  mean[+/-sd] median   max
            Connect:        0    0   0.0      0       0
            Processing:     1    5   2.9      5      10
            Waiting:        1    4   2.2      4       8
            Total:          1    6   2.9      5      10

            Percentage of the requests served within a certain time (ms)
              50%      5
              66%      7
              75%      8
              80%      8
              90%      9
              95%     10
              98%     10
              99%     10
             100%     10 (longest request)

            Status codes (expected: 2xx, 3xx):
              200                   9
              404                   1   unexpected
            Requests in error:      1 (10.0 %)
            Transport errors:       0

            Latency (ms)                p50      p90      p95      p99    p99.9      max
              total                   5.003    9.007   10.000   10.000   10.000   10.000
              DNS                     0.000    0.000    0.000    0.000    0.000    0.000
              connect                 0.000    0.100    0.100    0.100    0.100    0.100
              TLS                     0.000    0.000    0.000    0.000    0.000    0.000
              wait (TTFB)             3.751    6.751    7.500    7.500    7.500    7.500
              transfer                0.625    1.125    1.250    1.250    1.250    1.250

            Model:                  GET closed, 10 requests, concurrency 2, keep-alive, HTTP/1.1, 1 thread
            Connections opened:     2
            Throughput:             4 min, 6 median, 6 max per whole second (2 s)

            """
        XCTAssertEqual(LoadSummaryText.render(golden()), expected)
    }

    func testOpenModelFailuresAndWarnings() {
        var plan = LoadFixtures.plan(model: .open(rate: 20), requests: nil, duration: 60, concurrency: 20)
        plan.keepAlive = false
        var result = LoadFixtures.result(plan: plan, latencies: [40_000, 900_000], failures: 3, wallTime: 60)
        result.latency.service = LatencyHistograms.makeHistogram()
        result.latency.service.record(40_000)
        result.latency.service.record(60_000)
        result.schedule = ScheduleReport(
            targetRate: 20, achievedRate: 19.97, sent: 1_198, late: 2, queued: 1, maxLag: 0.84)
        result.warnings = ["1 request(s) waited for a free connection"]
        result.stopReason = .interrupted
        let text = LoadSummaryText.render(result)
        for line in [
            "Failed requests:        3",
            "   (connect: 3)",
            "Transport errors:       3",
            "  connect: 3, first: http://127.0.0.1:18080/: failed during connect: "
                + "Failed to connect to 127.0.0.1 port 18080",
            "  service (from send)    40.031   60.000   60.000   60.000   60.000   60.000",
            "Model:                  GET open, 20 req/s, for 60 s, up to 20 in flight, no keep-alive, HTTP/1.1, "
                + "1 thread",
            "Schedule:               target 20 req/s, achieved 19.97 req/s "
                + "(1198 sent, 2 late, 1 waited for a connection); "
                + "latency counts from each request's intended start",
            "Time per request:       469.928 [ms] (mean, measured: open model)",
            "Time per request:       12000.000 [ms] (mean, across all concurrent requests)",
            "Stopped:                interrupted (partial result)",
            "Warnings:\n  ! 1 request(s) waited for a free connection",
        ] {
            XCTAssertTrue(text.contains(line), "missing '\(line)' in:\n\(text)")
        }
        XCTAssertFalse(text.contains("Keep-Alive requests:"), "ab shows it only with -k")
        XCTAssertFalse(text.contains("Verdict"), "the run's criteria judge scenario loads")
    }

    func testTLSHandshakesAndTheirRate() {
        var plan = LoadFixtures.plan(keepAlive: false)
        plan.tlsResume = true
        var result = LoadFixtures.result(plan: plan, latencies: [2_000, 3_000, 4_000, 5_000], wallTime: 0.5)
        result.tlsHandshakes = 4
        result.tlsResumed = 2
        let text = LoadSummaryText.render(result)
        XCTAssertTrue(text.contains("TLS handshakes:         4 (8.0 per second), 2 resumed"), text)
        XCTAssertTrue(text.contains("no keep-alive, HTTP/1.1, 1 thread, TLS sessions resumed"), text)
        let plain = LoadSummaryText.render(golden())
        XCTAssertFalse(plain.contains("TLS handshakes"), "no TLS, no line")
    }

    func testNothingAnsweredStillReadsWell() {
        let text = LoadSummaryText.render(LoadFixtures.result(latencies: [], failures: 2))
        XCTAssertTrue(text.contains("Complete requests:      2"))
        XCTAssertTrue(text.contains("  (no response)"))
        XCTAssertTrue(text.contains("Latency: no response"))
        XCTAssertFalse(text.contains("Connection Times"), "nothing to time")
    }

    func testLatenciesOfTenSecondsAndMoreStayApart() {
        let text = LoadSummaryText.render(LoadFixtures.result(latencies: [10_502_143, 10_512_293, 59_123_456]))
        let row = text.split(separator: "\n").first { $0.hasPrefix("  total") }.map(String.init) ?? ""
        let cells = row.dropFirst("  total".count).split(separator: " ")
        XCTAssertEqual(cells.count, 6, row)
        XCTAssertTrue(cells.allSatisfy { Double($0) ?? 0 >= 10_000 }, row)
    }
}
