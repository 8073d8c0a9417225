import XCTest

@testable import CSARCheck

final class LoadSectionLoadingTests: XCTestCase {
    private func load(_ yaml: String) throws -> Scenario {
        try ScenarioLoader().load(text: yaml, file: "load.yaml")
    }

    private func error(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) -> ScenarioError? {
        expectScenarioError(file: file, line: line) { _ = try load(yaml) }
    }

    func testTheRunbookAbRunWithoutSteps() throws {
        let scenario = try load("name: ab\nload:\n  url: /\n  requests: 50\n  concurrency: 5\n")
        XCTAssertTrue(scenario.steps.isEmpty)
        let spec = try XCTUnwrap(scenario.load)
        XCTAssertEqual(spec.requests, 50)
        XCTAssertEqual(spec.concurrency, 5)
        XCTAssertFalse(spec.keepAlive, "off unless asked, as with ab")
        XCTAssertFalse(spec.tlsResume, "a full TLS handshake per connection unless asked, as with ab")
        XCTAssertNil(spec.rate)
        XCTAssertEqual(spec.targets.map(\.url.source), ["/"])
        XCTAssertEqual(spec.location.line, 3)
    }

    func testOpenModelWithSeveralURLsAndHeaders() throws {
        let scenario = try load(
            """
            defaults:
              headers: { Accept-Language: fr, Accept: text/html }
            load:
              urls: [/, /api/warehouses]
              headers: { Accept: application/json }
              rate: 20.5
              duration: 5m
              keep_alive: true
              tls_resume: true
              threads: 2
              concurrency: 40
              timeout: 5s
            """)
        let spec = try XCTUnwrap(scenario.load)
        XCTAssertEqual(spec.rate, 20.5)
        XCTAssertEqual(spec.duration, 300)
        XCTAssertEqual(spec.threads, 2)
        XCTAssertTrue(spec.tlsResume)
        XCTAssertEqual(spec.timeout, 5)
        XCTAssertEqual(spec.targets.map(\.url.source), ["/", "/api/warehouses"])
        XCTAssertEqual(spec.targets[0].headers.map(\.name), ["Accept-Language", "Accept"])
        XCTAssertEqual(spec.targets[0].headers.last?.value.source, "application/json")
    }

    func testDefaultsToTheFirstStepsRequest() throws {
        let scenario = try load(
            """
            steps:
              - name: login page
                method: HEAD
                url: /login
                headers: { Accept: text/html }
            load: { duration: 10s, concurrency: 20 }
            """)
        let target = try XCTUnwrap(scenario.load?.targets.first)
        XCTAssertEqual(target.method, "HEAD")
        XCTAssertEqual(target.url.source, "/login")
        XCTAssertEqual(target.headers.map(\.name), ["Accept"])
    }

    func testCapturesOfStepsAreUsable() throws {
        let scenario = try load(
            """
            steps:
              - url: /login
                capture: { session: { cookie: csar_session } }
            load:
              url: /admin
              headers: { Cookie: "csar_session={{ session }}" }
              requests: 10
            """)
        XCTAssertEqual(scenario.load?.targets.first?.headers.first?.value.variableNames, ["session"])
    }

    func testLocatedErrors() {
        XCTAssertEqual(
            error("load:\n  url: /\n  requets: 5\n")?.message.hasPrefix(
                "unknown key 'requets' (did you mean 'requests'?)"), true)
        let unbounded = error("load:\n  url: /\n  concurrency: 5\n")
        XCTAssertEqual(unbounded?.key, "load")
        XCTAssertEqual(unbounded?.message, "an unbounded load: give 'requests', 'duration' or both")
        XCTAssertEqual(
            error("load:\n  url: /\n  urls: [/]\n  requests: 1\n")?.message, "give 'url' or 'urls', not both")
        XCTAssertEqual(
            error("load:\n  requests: 1\n")?.message, "missing 'url' (or 'urls'), and no step to take it from")
        let huge = error("load:\n  url: /\n  requests: 5000000\n")
        XCTAssertEqual(huge?.key, "load.requests")
        XCTAssertEqual(huge?.location.line, 3)
        XCTAssertTrue(huge?.message.contains("above the ceiling of 1000000") ?? false)
        XCTAssertTrue(
            error("load:\n  url: /\n  rate: 1000\n  duration: 1h\n")?.message.contains("3600000 requests") ?? false)
        XCTAssertEqual(error("load:\n  url: /\n  rate: 0\n  duration: 1s\n")?.key, "load.rate")
        XCTAssertEqual(
            error("load:\n  url: /\n  requests: 5\n  concurrency: 2\n  threads: 3\n")?.message,
            "more threads than concurrency")
        XCTAssertTrue(
            error("load:\n  url: \"{{ nope }}\"\n  requests: 5\n")?.message.hasPrefix("undefined variable 'nope'")
                ?? false)
        XCTAssertEqual(
            error("steps: []\nload: { url: /, requests: 1 }\n")?.message, "a scenario needs at least one step")
    }

    func testARunPlanJoinsTheBaseURLAndRendersVariables() throws {
        let scenario = try load(
            "variables: { lang: fr }\nload:\n  url: /?lang={{ lang }}\n  rate: 5\n  requests: 10\n  tls_resume: true\n")
        let variables = VariableStore(environment: [:], masker: SecretMasker(secrets: []))
        variables.set("lang", "fr", secret: false)
        let plan = try LoadRunner.plan(
            for: XCTUnwrap(scenario.load), baseURL: "https://csar.sn/app", variables: variables,
            transfer: TransferOptions()
        )
        XCTAssertEqual(plan.targets.map(\.url), ["https://csar.sn/app/?lang=fr"])
        XCTAssertEqual(plan.model, .open(rate: 5))
        XCTAssertEqual(plan.concurrency, 5, "one second's worth by default")
        XCTAssertEqual(plan.requestLimit, 10)
        XCTAssertTrue(plan.tlsResume)
    }
}
