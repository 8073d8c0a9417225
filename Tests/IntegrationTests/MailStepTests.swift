import Foundation
import XCTest

/// The `mail:` step against a real mail service: a message sent over SMTP with AUTH (aiosmtpd) is found in the
/// Maildir Dovecot serves over IMAPS (a CA of the run, verified), matched by recipient and reference, captured
/// from, timed, and deleted; a message that never comes fails the step by name and wait; the mailbox's password
/// never shows.
final class MailStepTests: XCTestCase {
    nonisolated(unsafe) private static var server: TestMailServer?

    override class func tearDown() {
        server?.stop()
        server = nil
        super.tearDown()
    }

    private func mailServer() throws -> TestMailServer {
        if let server = Self.server { return server }
        let server = try TestMailServer()
        Self.server = server
        return server
    }

    /// A scenario with one `mail:` step reading the test mailbox, and what follows it in `extra`.
    private func scenario(
        in folder: URL, to: String, contains: String, within: String = "10s", then: String = "keep",
        extra: String = ""
    ) throws -> String {
        let server = try mailServer()
        let file = folder.appendingPathComponent("mail.yaml")
        try """
        name: Confirmation mail
        variables:
          mailbox_password: { env: TEST_MAILBOX_PASSWORD }
        steps:
          - name: confirmation mail to the requester
            mail:
              mailbox: \(server.imapsURL)
              user: \(server.user)
              password: "{{ mailbox_password }}"
              cacert: \(server.caPath)
              to: \(to)
              contains: \(contains)
              within: \(within)
              then: \(then)
            capture:
              reference: { regex: "(CSAR-\\\\d{4}-\\\\d+)" }
            expect:
              - header "Subject" contains "enregistrée"
        \(extra)
        """.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    private func run(_ file: String, reports: URL) throws -> CommandLineRun {
        try CommandLineRun.run(
            ["run", file, "--base-url", "http://127.0.0.1:9", "--reports", reports.path],
            environment: ["TEST_MAILBOX_PASSWORD": try mailServer().password], timeout: 90)
    }

    private func reportTexts(_ folder: URL) throws -> String {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).map {
            try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)
        }.joined(separator: "\n")
    }

    func testTheMailSentIsFoundOverIMAPSCapturedTimedAndDeleted() throws {
        let server = try mailServer()
        let folder = try TemporaryFolder.make()
        let reference = "CSAR-2026-\(Int.random(in: 100_000...999_999))"
        let requester = "qa+\(UUID().uuidString.prefix(6).lowercased())@csar.sn"
        try server.send(to: "admin@csar.sn", subject: "Nouvelle demande \(reference)", body: "Pour l'admin")
        try server.send(
            to: requester, subject: "Votre demande \(reference) a été enregistrée",
            body: "Bonjour Awa,\nvotre demande \(reference) a été enregistrée.\n")
        let before = server.storedMessages.count
        let run = try run(try scenario(in: folder, to: requester, contains: reference, then: "delete"), reports: folder)
        XCTAssertEqual(run.exitCode, 0, run.output)
        XCTAssertTrue(run.stdout.contains("reference = \(reference)"), run.stdout)
        XCTAssertTrue(run.stdout.contains("confirmation mail to the requester"), run.stdout)
        XCTAssertTrue(run.stdout.contains(" mail "), "the console names a mail, not an HTTP status:\n\(run.stdout)")
        XCTAssertEqual(server.storedMessages.count, before - 1, "then: delete removed the message found, only it")
        let reports = try reportTexts(folder)
        XCTAssertFalse(reports.contains(server.password), "the mailbox password is in a report")
        XCTAssertFalse(run.output.contains(server.password), "the mailbox password is in the console")
        let json =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: folder.appendingPathComponent("report.json"))) as? [String: Any]
        let step = try XCTUnwrap(
            ((json?["scenarios"] as? [[String: Any]])?.first?["steps"] as? [[String: Any]])?.first)
        XCTAssertEqual(step["kind"] as? String, "mail")
        let latency = try XCTUnwrap((step["timings"] as? [String: Any])?["total"] as? Double)
        XCTAssertLessThan(latency, 30, "the latency counts from the run's start at the latest")
    }

    func testAMailThatNeverComesFailsTheStepNamingWhatAndHowLong() throws {
        let folder = try TemporaryFolder.make()
        let started = Date()
        let run = try run(
            try scenario(in: folder, to: "nobody@csar.sn", contains: "CSAR-1999-000001", within: "2s"),
            reports: folder)
        XCTAssertEqual(run.exitCode, 1, run.output)
        XCTAssertLessThan(Date().timeIntervalSince(started), 20, "the wait is bounded by within:")
        XCTAssertTrue(
            run.stdout.contains("a message to nobody@csar.sn containing 'CSAR-1999-000001' within 2 s"), run.stdout)
        XCTAssertTrue(run.stdout.contains("none arrived within 2 s"), run.stdout)
        XCTAssertTrue(run.stdout.contains("php artisan queue:work"), "the hint names the queue worker:\n\(run.stdout)")
        let junit = try String(contentsOf: folder.appendingPathComponent("junit.xml"), encoding: .utf8)
        XCTAssertTrue(junit.contains("none arrived within 2 s"), junit)
    }

    func testAWrongMailboxPasswordFailsAtOnceWithTheServersAnswerAndNoPassword() throws {
        let folder = try TemporaryFolder.make()
        let file = try scenario(in: folder, to: "nobody@csar.sn", contains: "x", within: "30s")
        let started = Date()
        let run = try CommandLineRun.run(
            ["run", file, "--base-url", "http://127.0.0.1:9", "--reports", folder.path],
            environment: ["TEST_MAILBOX_PASSWORD": "wrong-password-4711"], timeout: 90)
        XCTAssertEqual(run.exitCode, 1, run.output)
        XCTAssertLessThan(Date().timeIntervalSince(started), 25, "a refused login does not wait out within:")
        XCTAssertTrue(run.stdout.contains("the mailbox could not be read"), run.stdout)
        XCTAssertFalse(run.output.contains("wrong-password-4711"), run.output)
        XCTAssertFalse(try reportTexts(folder).contains("wrong-password-4711"))
    }

    func testAnUntrustedMailboxCertificateIsRefused() throws {
        let server = try mailServer()
        let folder = try TemporaryFolder.make()
        let file = try scenario(in: folder, to: "nobody@csar.sn", contains: "x", within: "5s")
        let text = try String(contentsOfFile: file, encoding: .utf8)
            .replacingOccurrences(of: "cacert: \(server.caPath)\n", with: "")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let run = try run(file, reports: folder)
        XCTAssertEqual(run.exitCode, 1, run.output)
        XCTAssertTrue(run.stdout.contains("the mailbox could not be read"), run.stdout)
    }
}
