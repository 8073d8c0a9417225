import CSARCheck
import Foundation
import SideEffectDoubles
import XCTest

/// `csar-check doubles` run as `scripts/laravel-stack.sh` runs it: credentials from a Laravel .env, a line
/// per double when it listens, one per SMS, refusal and publish, never a secret; SIGTERM or SIGINT stops it
/// with exit code 0, a missing setting is exit code 2 naming the key and the file.
final class DoublesCommandTests: XCTestCase {
    let clientID = "client-" + UUID().uuidString.prefix(8)
    let smsSecret = "sms-secret-" + UUID().uuidString
    let appID = "4242"
    let pusherKey = "key-" + UUID().uuidString.prefix(8)
    let pusherSecret = "pusher-secret-" + UUID().uuidString

    private func writeEnvFile(in folder: URL, leavingOut: Set<String> = []) throws -> String {
        let values = [
            ("APP_NAME", "CSAR"), ("SMS_CLIENT_ID", clientID), ("SMS_CLIENT_SECRET", smsSecret),
            ("SMS_SENDER", "tel:+221770000000"), ("PUSHER_APP_ID", appID), ("PUSHER_APP_KEY", pusherKey),
            ("PUSHER_APP_SECRET", pusherSecret),
        ]
        let text = values.filter { !leavingOut.contains($0.0) }.map { "\($0.0)=\($0.1)\n" }.joined()
        let file = folder.appendingPathComponent("app.env")
        try Data(text.utf8).write(to: file)
        return file.path
    }

    /// The port of `http://127.0.0.1:PORT` or `ws://127.0.0.1:PORT` on the output line starting with `prefix`.
    private func port(after prefix: String, in output: String) throws -> Int {
        let line = try XCTUnwrap(output.split(separator: "\n").first { $0.hasPrefix(prefix) }, output)
        let match = try XCTUnwrap(line.firstMatch(of: /127\.0\.0\.1:(\d+)/), String(line))
        return try XCTUnwrap(Int(match.1))
    }

    private func curl(_ arguments: [String]) throws -> String {
        let run = try BoundedProcess.run("/usr/bin/curl", ["-sS", "--max-time", "10"] + arguments, timeout: 20)
        XCTAssertEqual(run.status, 0, run.output)
        return run.output
    }

    func testItServesTheSitesCredentials_LogsWithoutSecrets_AndStopsOnSIGTERMWithExitCode0() throws {
        let folder = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        let envFile = try writeEnvFile(in: folder)
        let command = try RunningCommand(
            ["doubles", "--env-file", envFile, "--sms-listen", "127.0.0.1:0", "--pusher-listen", "127.0.0.1:0"])
        XCTAssertTrue(command.waitForOutput(containing: "pusher server: "), command.output)
        let smsPort = try port(after: "sms double: ", in: command.output)
        let pusherPort = try port(after: "pusher server: ", in: command.output)
        let sms = "http://127.0.0.1:\(smsPort)"
        XCTAssertTrue(
            command.output.contains("sms double: \(sms) (inbox: \(sms)/csar/messages)"), command.output)
        XCTAssertTrue(
            command.output.contains(
                "pusher server: ws://127.0.0.1:\(pusherPort)/app/\(pusherKey), "
                    + "events API http://127.0.0.1:\(pusherPort)/apps/\(appID)/events"), command.output)

        // An SMS, sent as Laravel's SmsService sends it.
        let tokenAnswer = try curl([
            "-u", "\(clientID):\(smsSecret)", "-d", "grant_type=client_credentials", "\(sms)/oauth/v3/token",
        ])
        let token = try XCTUnwrap(
            (try JSONSerialization.jsonObject(with: Data(tokenAnswer.utf8)) as? [String: Any])?["access_token"]
                as? String, tokenAnswer)
        let created = try curl([
            "-w", "\n%{http_code}", "-H", "Authorization: Bearer \(token)", "-H", "Content-Type: application/json",
            "-d", SMSDoubleFixture.request(to: "tel:+221771234567", "CSAR: votre demande CSAR-1 a été enregistrée."),
            "\(sms)/smsmessaging/v1/outbound/tel%3A%2B221770000000/requests",
        ])
        XCTAssertTrue(created.hasSuffix("\n201"), created)
        let refused = try curl([
            "-w", "\n%{http_code}", "-u", "\(clientID):wrong-\(smsSecret)", "-d", "grant_type=client_credentials",
            "\(sms)/oauth/v3/token",
        ])
        XCTAssertTrue(refused.hasSuffix("\n401"), refused)
        let inbox = try curl(["\(sms)/csar/messages"])
        XCTAssertTrue(inbox.contains("CSAR: votre demande CSAR-1 a été enregistrée."), inbox)
        XCTAssertTrue(inbox.contains("wrong client secret"), inbox)

        // A Pusher trigger signed with the app's secret, as Laravel's broadcaster signs it.
        let body = #"{"name":"demande.created","channels":["private-admins"],"data":"{\"reference\":\"CSAR-1\"}"}"#
        var query = [
            "auth_key": pusherKey, "auth_timestamp": String(Int(Date().timeIntervalSince1970)), "auth_version": "1.0",
            "body_md5": PusherSignature.bodyMD5Hex(Data(body.utf8)),
        ]
        let path = "/apps/\(appID)/events"
        query["auth_signature"] = PusherSignature.hmacSHA256Hex(
            secret: pusherSecret,
            message: PusherSignature.requestStringToSign(method: "POST", path: path, query: query))
        let queryText = query.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "&")
        let triggered = try curl([
            "-w", "\n%{http_code}", "-H", "Content-Type: application/json", "-d", body,
            "http://127.0.0.1:\(pusherPort)\(path)?\(queryText)",
        ])
        XCTAssertTrue(triggered.hasSuffix("\n200"), triggered)

        XCTAssertTrue(command.waitForOutput(containing: "pusher: publish of demande.created"), command.output)
        XCTAssertTrue(command.waitForOutput(containing: "sms: refused POST /oauth/v3/token: 401 wrong client secret"))
        XCTAssertTrue(
            command.output.contains(
                "to tel:+221771234567 from tel:+221770000000 (CSAR): CSAR: votre demande CSAR-1 a été enregistrée."),
            command.output)
        command.send(SIGTERM)
        let started = Date()
        XCTAssertEqual(command.waitForExit(timeout: 10), 0, command.output)
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "stopped within a few seconds")
        XCTAssertTrue(command.output.contains("doubles: stopped (SIGTERM)"), command.output)
        for secret in [smsSecret, pusherSecret, token] {
            XCTAssertFalse(command.output.contains(secret), "a secret or token in the output:\n\(command.output)")
        }
    }

    func testSIGINTStopsTheSMSDoubleAloneWithExitCode0() throws {
        let folder = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        let envFile = try writeEnvFile(in: folder, leavingOut: ["PUSHER_APP_SECRET"])
        let command = try RunningCommand(["doubles", "--env-file", envFile, "--sms-listen", "0"])
        XCTAssertTrue(command.waitForOutput(containing: "sms double: http://127.0.0.1:"), command.output)
        XCTAssertFalse(command.output.contains("pusher server"), command.output)
        command.send(SIGINT)
        XCTAssertEqual(command.waitForExit(timeout: 10), 0, command.output)
        XCTAssertTrue(command.output.contains("doubles: stopped (SIGINT)"), command.output)
    }

    func testMissingSettingsAreExitCode2NamingEachKeyAndTheFile() throws {
        let folder = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        let envFile = try writeEnvFile(in: folder, leavingOut: ["SMS_CLIENT_SECRET", "PUSHER_APP_KEY"])
        let run = try CommandLineRun.run(
            ["doubles", "--env-file", envFile, "--sms-listen", "127.0.0.1:0", "--pusher-listen", "127.0.0.1:0"],
            timeout: 30)
        XCTAssertEqual(run.exitCode, 2, run.output)
        XCTAssertTrue(
            run.stderr.contains(
                "\(envFile) does not set SMS_CLIENT_SECRET (for --sms-listen), PUSHER_APP_KEY (for --pusher-listen)"),
            run.output)
        XCTAssertFalse(run.output.contains(pusherSecret), run.output)
        XCTAssertFalse(run.stdout.contains("sms double:"), "nothing was started:\n\(run.output)")

        let neither = try CommandLineRun.run(["doubles", "--env-file", envFile], timeout: 30)
        XCTAssertEqual(neither.exitCode, 2, neither.output)
        XCTAssertTrue(neither.stderr.contains("nothing to serve"), neither.output)
    }
}
