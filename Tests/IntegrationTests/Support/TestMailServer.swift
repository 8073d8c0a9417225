import Foundation
import XCTest

/// The real mail service of the Laravel stack (`Tests/MailServer/mail-server.sh`, started by
/// `scripts/laravel-stack.sh`): aiosmtpd SMTP with AUTH into a Maildir, which Dovecot serves over IMAPS with a
/// CA made for the stack. Its ports and credentials are in the stack's `mail/mail.env`.
struct TestMailServer {
    let settings: [String: String]

    var imapsURL: String { "imaps://127.0.0.1:\(settings["MAIL_IMAPS_PORT"] ?? "")/INBOX" }
    var user: String { settings["MAIL_USER"] ?? "" }
    var password: String { settings["MAIL_PASSWORD"] ?? "" }
    var caPath: String { settings["MAIL_CA"] ?? "" }

    /// The mail server of the running stack (skips or fails as `LaravelStack.healthy` does without one).
    static func ofStack() throws -> TestMailServer {
        let stack = try LaravelStack.healthy()
        let text = try String(contentsOfFile: "\(stack.runtime)/mail/mail.env", encoding: .utf8)
        return TestMailServer(
            settings: Dictionary(
                text.split(separator: "\n").compactMap { line -> (String, String)? in
                    guard let equals = line.firstIndex(of: "=") else { return nil }
                    return (String(line[..<equals]), String(line[line.index(after: equals)...]))
                }, uniquingKeysWith: { _, last in last }))
    }

    /// Sends a message over SMTP with AUTH, as a Laravel site's mailer does (Python's smtplib).
    func send(to: String, from: String = "noreply@csar.sn", subject: String, body: String) throws {
        let script = """
            import smtplib, sys
            from email.message import EmailMessage
            m = EmailMessage()
            m["From"], m["To"], m["Subject"] = sys.argv[5], sys.argv[4], sys.argv[6]
            m.set_content(sys.argv[7])
            with smtplib.SMTP("127.0.0.1", int(sys.argv[1]), timeout=10) as s:
                s.login(sys.argv[2], sys.argv[3])
                s.send_message(m)
            """
        let sent = try BoundedProcess.run(
            "/usr/bin/python3",
            ["-c", script, settings["MAIL_SMTP_PORT"] ?? "", user, password, to, from, subject, body], timeout: 20)
        XCTAssertEqual(sent.status, 0, sent.output)
    }

    /// The messages in the Maildir (new and read), by file.
    var storedMessages: [String] {
        let maildir = settings["MAIL_MAILDIR"] ?? ""
        return ["new", "cur"].flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: "\(maildir)/\(folder)")) ?? []).map {
                "\(folder)/\($0)"
            }
        }
    }
}
