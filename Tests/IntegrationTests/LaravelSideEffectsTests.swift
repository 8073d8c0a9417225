import CSARCheck
import Foundation
import XCTest

/// The runbook's side effects on the real Laravel stack: a demande queues a Mailable (SMTP through Debian's
/// php-swiftmailer to aiosmtpd, read back over IMAPS from Dovecot), an SMS (Laravel's HTTP client to the Orange-
/// shaped double of `csar-check doubles`) and a broadcast (signed Pusher HTTP API to the project's Pusher server,
/// received over the WebSocket by csar-check's client after `/broadcasting/auth`), all through Redis and a real
/// `php artisan queue:work`. The shipped gate checks all three; each fault turns the right testcase red.
final class LaravelSideEffectsTests: XCTestCase {
    static let mail = "side-effects › Confirmation e-mail reaches the requester"
    static let sms = "side-effects › SMS reaches the requester"
    static let notification = "side-effects › Real-time notification reaches the admins"
    static let subscription = "side-effects › Notification channel of the admins is subscribed"

    private func gate(
        _ stack: LaravelStack, wait: String = "20s", settings: Bool = true, extra: [String] = []
    ) throws -> (run: CommandLineRun, junit: JUnitCases, reports: String) {
        let reports = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(at: reports) }
        var arguments = [
            "gate", "--base-url", stack.baseURL, "--skip", "production", "--reports", reports.path, "--no-load",
            "--var",
            "side-effects.delivery_wait=\(wait)",
        ]
        if settings { arguments += ["--env-file", stack.siteEnvFile] }
        let environment = stack.adminEnvironment.merging(settings ? stack.sideEffectEnvironment : [:]) { $1 }
        let run = try CommandLineRun.run(arguments + extra, environment: environment, timeout: 240)
        let texts = try FileManager.default.contentsOfDirectory(atPath: reports.path).map {
            (try? String(contentsOf: reports.appendingPathComponent($0), encoding: .utf8)) ?? ""
        }
        return (run, try JUnitCases(file: reports.appendingPathComponent("junit.xml")), texts.joined(separator: "\n"))
    }

    /// The secrets of the three services, which must appear in no output.
    private func secrets(_ stack: LaravelStack) throws -> [String] {
        let env = try String(contentsOfFile: stack.siteEnvFile, encoding: .utf8)
        let values = env.split(separator: "\n").compactMap { line -> String? in
            let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, ["MAIL_PASSWORD", "SMS_CLIENT_SECRET", "PUSHER_APP_SECRET"].contains(parts[0])
            else { return nil }
            return parts[1]
        }
        return values + [stack.settings["CSAR_MAIL_PASSWORD"] ?? ""].filter { !$0.isEmpty }
    }

    func testTheGateChecksTheThreeSideEffectsGreenAndTimed() throws {
        let stack = try LaravelStack.healthy()
        let (run, junit, reports) = try gate(stack)
        XCTAssertEqual(run.exitCode, 0, run.output)
        XCTAssertEqual(junit.red.map(\.title), [], run.output)
        let passed = Set(junit.passed.map(\.title))
        for name in [Self.mail, Self.sms, Self.notification] {
            XCTAssertTrue(passed.contains(name), "\(name) not passed: \(junit.red.map(\.title)) \(run.stdout)")
        }
        // Scanned as the CSRF tokens are: whole or any piece, raw or encoded (URL, HTML, JSON, base64).
        let secrets = Dictionary(try secrets(stack).map { ($0, "side-effect secret") }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(secrets.count, 3, "the mailbox (SMTP and IMAP share it), SMS and Pusher secrets")
        let leaks = TokenScan.leaks(of: secrets, in: [("console", run.output), ("reports", reports)])
        XCTAssertTrue(leaks.isEmpty, leaks.map(\.description).joined(separator: "\n"))
        print(run.stdout.split(separator: "\n").filter { $0.contains("reaches") }.joined(separator: "\n"))
    }

    func testWithoutTheSettingsTheThreeChecksAreNotRunAndSaidSo() throws {
        let stack = try LaravelStack.healthy()
        let (run, junit, _) = try gate(stack, settings: false)
        XCTAssertEqual(run.exitCode, 0, run.output)
        let skipped = Set(junit.skipped.map(\.title))
        for name in [Self.mail, Self.sms, Self.notification] {
            XCTAssertTrue(skipped.contains(name), "\(name) is not reported skipped: \(run.stdout)")
        }
        XCTAssertTrue(run.stdout.contains("not run: e-mail (runbook: Emails envoyés)"), run.stdout)
        XCTAssertTrue(run.stdout.contains("not run: SMS (runbook: SMS envoyés)"), run.stdout)
        XCTAssertTrue(run.stdout.contains("not run: real-time notification"), run.stdout)
        let (required, _, _) = try gate(stack, settings: false, extra: ["--require-side-effects"])
        XCTAssertEqual(required.exitCode, 1, required.output)
    }

    /// Each fault of the stack's side effects and the testcases it must turn red (and only those).
    static let faults: [(fault: String, red: [String])] = [
        ("queue:stopped", [mail, sms, notification]),
        ("mail:auth", [mail]),
        ("mail:no-reference", [mail]),
        ("sms:401", [sms]),
        // A wrong secret breaks the channel's authorisation as well as the broadcast.
        ("broadcast:secret", [subscription, notification]),
    ]

    func testEachFaultTurnsTheRightSideEffectRed() throws {
        let stack = try LaravelStack.healthy()
        defer { try? stack.reset() }
        for (fault, red) in Self.faults {
            try stack.reset()
            try stack.fault(fault)
            let started = Date()
            let (run, junit, _) = try gate(stack, wait: "6s")
            XCTAssertEqual(run.exitCode, 1, "\(fault): \(run.output)")
            XCTAssertEqual(Set(junit.red.map(\.title)), Set(red), "\(fault): \(run.stdout)")
            if fault == "queue:stopped" {
                XCTAssertTrue(run.stdout.contains("queue:work"), "the hint names the queue worker: \(run.stdout)")
            }
            if fault == "sms:401" {
                XCTAssertTrue(run.stdout.contains("the SMS double refused"), "\(fault): \(run.stdout)")
            }
            print(
                "fault \(fault): exit \(run.exitCode) in \(Int(Date().timeIntervalSince(started))) s, red: "
                    + junit.red.map(\.title).joined(separator: "; "))
        }
    }

    /// A slow queue: green with the latency shown under the wait, red over it.
    func testASlowQueueIsGreenWithinTheWaitAndRedBeyondIt() throws {
        let stack = try LaravelStack.healthy()
        defer { try? stack.reset() }
        // The gate's request form queues two demandes before this one: 5 jobs of 2 s run first.
        try stack.fault("queue:slow=2")
        let (slow, slowJUnit, _) = try gate(stack, wait: "40s")
        XCTAssertEqual(slow.exitCode, 0, slow.output)
        XCTAssertEqual(slowJUnit.red.map(\.title), [], slow.output)
        let mailLine = try XCTUnwrap(slow.stdout.split(separator: "\n").first { $0.contains("Confirmation e-mail") })
        XCTAssertTrue(mailLine.contains(" mail "), String(mailLine))
        print("queue:slow=2 → \(mailLine)")
        let (late, lateJUnit, _) = try gate(stack, wait: "2s")
        XCTAssertEqual(late.exitCode, 1, late.output)
        XCTAssertTrue(lateJUnit.red.map(\.title).contains(Self.mail), late.stdout)
    }

    /// `Scenarios/side-effects-load.yaml`: ten demandes in a row on the healthy stack, all ten followed to their
    /// three side effects (10 out of 10 green), judged by the runbook's alerts; a broken SMS key fails its alert.
    func testTenDemandesInARowAreGreenAndJudgedByTheRunbooksAlerts() throws {
        let stack = try LaravelStack.healthy()
        defer { try? stack.reset() }
        let reports = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(at: reports) }
        func run(wait: String) throws -> CommandLineRun {
            try CommandLineRun.run(
                [
                    "run", "Scenarios/side-effects-load.yaml", "--env-file", stack.siteEnvFile, "--reports",
                    reports.path, "--require-side-effects", "--var", "side-effects.delivery_wait=\(wait)",
                ], environment: stack.adminEnvironment.merging(stack.sideEffectEnvironment) { $1 }, timeout: 400)
        }
        let healthy = try run(wait: "20s")
        XCTAssertEqual(healthy.exitCode, 0, healthy.output)
        XCTAssertTrue(healthy.stdout.contains("10 scenario(s), 90 steps, 90 passed"), healthy.stdout)
        XCTAssertTrue(healthy.stdout.contains("✔ events_missing == 0"), healthy.stdout)
        let report =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: reports.appendingPathComponent("report.json"))) as? [String: Any]
        let steps = ((report?["scenarios"] as? [[String: Any]]) ?? []).flatMap { $0["steps"] as? [[String: Any]] ?? [] }
        for kind in ["mail", "sms", "event"] {
            let latencies = steps.filter { $0["kind"] as? String == kind }
                .compactMap { ($0["timings"] as? [String: Any])?["total"] as? Double }.sorted()
            XCTAssertEqual(latencies.count, 10, kind)
            print(
                "\(kind) latency over 10 demandes: median \(DurationText.format(latencies[latencies.count / 2])), "
                    + "max \(DurationText.format(latencies.last ?? 0))")
        }
        try stack.fault("sms:401")
        let broken = try run(wait: "3s")
        XCTAssertEqual(broken.exitCode, 1, broken.output)
        XCTAssertTrue(broken.stdout.contains("✘ sms_failure_rate <= 10%"), broken.stdout)
        XCTAssertTrue(broken.stdout.contains("✔ mail_failure_rate <= 10%"), broken.stdout)
    }
}
