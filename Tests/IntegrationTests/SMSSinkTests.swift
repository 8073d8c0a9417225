import Foundation
import XCTest

/// `--sms-sink`: the run serves the SMS double itself. A scenario playing the site's part (the token, then the
/// message, as the Laravel app's SmsService sends them) is followed by an `sms:` step that finds the message;
/// sent with a wrong key, the step fails and names the refusal; the client secret shows nowhere.
final class SMSSinkTests: XCTestCase {
    private let secret = "sink-secret-\(UUID().uuidString.prefix(8))"

    private func run(sendingWith sentSecret: String) throws -> (CommandLineRun, String) {
        let folder = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "SMS_CLIENT_ID=csar-app\nSMS_CLIENT_SECRET=\(secret)\n"
            .write(to: folder.appendingPathComponent("site.env"), atomically: true, encoding: .utf8)
        try """
        name: SMS through the sink
        steps:
          - name: the site asks for a token
            method: POST
            url: "{{ env.CSAR_SMS_INBOX }}/oauth/v3/token"
            headers: { Authorization: "Basic {{ env.TEST_BASIC }}" }
            form: { grant_type: client_credentials }
            capture:
              token: { jsonpath: "$.access_token", secret: true }
            expect:
              status: 200
          - name: the site sends the SMS
            method: POST
            url: "{{ env.CSAR_SMS_INBOX }}/smsmessaging/v1/outbound/tel%3A%2B221770000000/requests"
            headers: { Authorization: "Bearer {{ token }}" }
            json:
              outboundSMSMessageRequest:
                address: "tel:+221771234567"
                senderAddress: "tel:+221770000000"
                senderName: CSAR
                outboundSMSTextMessage: { message: "CSAR: votre demande CSAR-2026-000777 a été enregistrée." }
            expect:
              status: 201
          - name: SMS reaches the requester
            sms:
              inbox: "{{ env.CSAR_SMS_INBOX }}"
              to: "77 123 45 67"
              sender: CSAR
              contains: CSAR-2026-000777
              within: 3s
        """.write(to: folder.appendingPathComponent("sms.yaml"), atomically: true, encoding: .utf8)
        let basic = Data("csar-app:\(sentSecret)".utf8).base64EncodedString()
        let reports = folder.appendingPathComponent("reports")
        let run = try CommandLineRun.run(
            [
                "run", folder.appendingPathComponent("sms.yaml").path, "--base-url", "http://127.0.0.1:9",
                "--env-file", folder.appendingPathComponent("site.env").path, "--sms-sink", "127.0.0.1:0",
                "--reports", reports.path,
            ], environment: ["TEST_BASIC": basic], timeout: 60)
        let texts = try FileManager.default.contentsOfDirectory(atPath: reports.path).map {
            try String(contentsOf: reports.appendingPathComponent($0), encoding: .utf8)
        }
        return (run, texts.joined(separator: "\n"))
    }

    func testTheRunServesTheDoubleAndItsStepFindsTheMessage() throws {
        let (run, reports) = try run(sendingWith: secret)
        XCTAssertEqual(run.exitCode, 0, run.output)
        XCTAssertTrue(run.stdout.contains("SMS double: http://127.0.0.1:"), run.stdout)
        XCTAssertTrue(run.stdout.contains("✔ SMS reaches the requester"), run.stdout)
        XCTAssertFalse(run.output.contains(secret) || reports.contains(secret), "the client secret is masked")
    }

    func testAWrongKeyFailsTheStepNamingTheRefusal() throws {
        let (run, _) = try run(sendingWith: "not-the-secret")
        XCTAssertEqual(run.exitCode, 1, run.output)
        XCTAssertTrue(
            run.stdout.contains("the SMS double refused 1 request: 401 POST /oauth/v3/token (wrong client secret)"),
            run.stdout)
    }
}
