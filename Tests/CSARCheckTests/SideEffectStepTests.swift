import XCTest

@testable import CSARCheck

/// The side-effect steps (`mail:`, `sms:`, `subscribe:`, `expect_event:`) as files give them, and how their
/// results are measured: never as requests, always as deliveries of their kind.
final class SideEffectStepTests: XCTestCase {
    private func load(_ steps: String) throws -> Scenario {
        try ScenarioLoader().load(
            text: "name: Side effects\nvariables:\n  wait: 30s\nsteps:\n" + steps, file: "side.yaml")
    }

    private func loadError(_ steps: String, file: StaticString = #filePath, line: UInt = #line) -> ScenarioError? {
        expectScenarioError(file: file, line: line) { _ = try load(steps) }
    }

    func testEachKindLoadsWithItsDefaults() throws {
        let scenario = try load(
            """
              - subscribe: { channel: private-admins }
              - mail: { mailbox: "imaps://imap.gmail.com/INBOX", to: qa@csar.sn, within: 45s }
              - sms: { inbox: "http://127.0.0.1:9010", to: "+221 77 000 00 00", contains: CSAR-2026 }
              - expect_event: { channel: private-admins, event: demande.created, within: "{{ wait }}" }
            """)
        XCTAssertEqual(scenario.steps.map(\.kind), [.subscribe, .mail, .sms, .event])
        XCTAssertEqual(
            scenario.steps.map(\.name),
            [
                "subscribe private-admins", "mail in imaps://imap.gmail.com/INBOX", "SMS to +221 77 000 00 00",
                "event demande.created on private-admins",
            ])
        guard case .subscribe(let subscription) = scenario.steps[0].sideEffect,
            case .mail(let mail) = scenario.steps[1].sideEffect,
            case .event(let event) = scenario.steps[3].sideEffect
        else { return XCTFail("kinds") }
        XCTAssertNil(subscription.url, "no url: PUSHER_* from the environment")
        XCTAssertEqual(subscription.auth.source, "/broadcasting/auth")
        guard case .seconds(let seconds) = mail.within else { return XCTFail("a fixed wait") }
        XCTAssertEqual(seconds, 45)
        XCTAssertEqual(mail.then, .keep)
        guard case .template(let template) = event.within else { return XCTFail("a wait read when the step runs") }
        XCTAssertEqual(template.source, "{{ wait }}")
    }

    func testASideEffectStepSendsNoRequestOfItsOwn() {
        XCTAssertEqual(
            loadError("  - { url: /, mail: { mailbox: 'imaps://h/INBOX', to: a@b.c } }\n")?.key, "steps[0].url")
        XCTAssertEqual(
            loadError(
                "  - { sms: { inbox: 'http://h', to: '1' }, expect_event: { channel: c, event: e } }\n")?.key,
            "steps[0].expect_event")
    }

    func testWhatEachStepNeedsIsAskedFor() {
        XCTAssertTrue(
            loadError("  - sms: { inbox: 'http://h' }\n")?.message.contains("say which message") == true)
        XCTAssertTrue(
            loadError("  - mail: { mailbox: 'imaps://h/INBOX' }\n")?.message.contains("say which message") == true)
        XCTAssertTrue(
            loadError("  - subscribe: { channel: c, url: 'http://h:6001' }\n")?.message.contains("ws://") == true)
        XCTAssertEqual(
            loadError("  - mail: { mailbox: 'pop3://h', to: a@b.c }\n")?.key, "steps[0].mail.mailbox")
        XCTAssertEqual(
            loadError("  - expect_event: { channel: c, event: e, within: soon }\n")?.key,
            "steps[0].expect_event.within")
        XCTAssertEqual(loadError("  - expect_event: { channel: c }\n")?.key, "steps[0].expect_event.event")
    }

    func testTheMetricsOfSideEffectsHaveNames() {
        for name in ["mail_latency", "sms_failure_rate", "events_missing", "event_latency"] {
            XCTAssertEqual(Metric.parse(name)?.description, name)
        }
        XCTAssertEqual(Metric.parse("mail_failure_rate"), .deliveryFailureRate(.mail))
        XCTAssertEqual(Metric.deliveriesMissing(.event).kind, .count)
    }

    private func step(_ kind: StepKind, _ outcome: StepResult.Outcome, latency: Double?) -> StepResult {
        var result = StepResult(
            name: "\(kind)", location: .init(file: "f", line: 1, column: 1), outcome: outcome, assertions: [],
            captures: [], captureFailures: [], attempts: 1, startedAt: Date())
        result.kind = kind
        result.response = latency.map {
            ResponseRecord(
                status: 200, httpVersion: "", headers: [], bodyExcerpt: "", bodySize: 0,
                timings: HTTPTimings(total: $0), effectiveURL: "")
        }
        return result
    }

    func testDeliveriesAreMeasuredApartFromTheRequests() throws {
        let measured = Measurements(steps: [
            step(.http, .passed, latency: 0.1), step(.mail, .passed, latency: 4.5), step(.mail, .failed, latency: nil),
            step(.sms, .passed, latency: 1.2), step(.event, .skipped, latency: nil),
            step(.subscribe, .passed, latency: 0.01),
        ])
        XCTAssertEqual(measured.requests, 1, "only the HTTP step is a request")
        XCTAssertEqual(try XCTUnwrap(measured.value(of: .latencyPercentile(100))), 0.1, accuracy: 0.001)
        XCTAssertEqual(measured.value(of: .deliveryLatency(.mail)), 4.5)
        XCTAssertEqual(measured.value(of: .deliveryFailureRate(.mail)), 50)
        XCTAssertEqual(measured.value(of: .deliveriesMissing(.mail)), 1)
        XCTAssertEqual(measured.value(of: .deliveryFailureRate(.sms)), 0)
        XCTAssertNil(measured.value(of: .deliveriesMissing(.event)), "a check not run measured nothing")
    }

    func testChecksNotRunAreNamedAsTheRunbookNamesThem() {
        var notRun = step(.mail, .skipped, latency: nil)
        notRun.name = "Confirmation e-mail"
        notRun.problem = "not run: environment variable CSAR_MAIL_MAILBOX is not set"
        let result = ScenarioResult(
            name: "Side effects", file: "f", baseURL: "", steps: [notRun, step(.sms, .passed, latency: 1)],
            startedAt: Date(), duration: 1)
        XCTAssertEqual(
            SideEffectsNotRun.lines([result]),
            [
                "not run: e-mail (runbook: Emails envoyés) — Side effects › Confirmation e-mail: environment "
                    + "variable CSAR_MAIL_MAILBOX is not set"
            ])
    }

    func testAnSMSIsAddressedToANumberByItsDigits() {
        let message = SMSInbox.Message(
            id: "1", receivedAt: nil, address: "tel:+221770000001", senderAddress: "tel:+221770000000",
            senderName: "CSAR", text: "CSAR-2026-000001")
        XCTAssertTrue(message.isAddressed(to: "+221 77 000 00 01"))
        XCTAssertTrue(message.isAddressed(to: "770000001"))
        XCTAssertFalse(message.isAddressed(to: "770000002"))
        XCTAssertFalse(message.isAddressed(to: ""))
    }

    func testALatencyCountsToTheLatestPossibleArrival() {
        let trigger = Date(timeIntervalSince1970: 1000)
        let found = trigger.addingTimeInterval(5)
        XCTAssertEqual(Polling.latency(arrivedAt: trigger.addingTimeInterval(2), foundAt: found, since: trigger), 2)
        XCTAssertEqual(Polling.latency(arrivedAt: nil, foundAt: found, since: trigger), 5, "no clock: when found")
        XCTAssertEqual(
            Polling.latency(arrivedAt: trigger.addingTimeInterval(-3), foundAt: found, since: trigger), 0,
            "a server clock behind ours is no negative latency")
    }
}
