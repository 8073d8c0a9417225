import Foundation
import XCTest

/// The real mail service of `Tests/MailServer/mail-server.sh` (aiosmtpd SMTP with AUTH into a Maildir, Dovecot
/// serving it over IMAPS with a CA made for the run), started in a private folder for one test class.
final class TestMailServer {
    let runtime: URL
    let settings: [String: String]

    var imapsURL: String { "imaps://127.0.0.1:\(settings["MAIL_IMAPS_PORT"] ?? "")/INBOX" }
    var user: String { settings["MAIL_USER"] ?? "" }
    var password: String { settings["MAIL_PASSWORD"] ?? "" }
    var caPath: String { settings["MAIL_CA"] ?? "" }

    private static var script: String {
        RepositoryPaths.root.appendingPathComponent("Tests/MailServer/mail-server.sh").path
    }

    /// Starts the servers, or skips the test when Dovecot or aiosmtpd is not installed (scripts/install-deps.sh
    /// installs them).
    init() throws {
        for program in ["/usr/sbin/dovecot", "/usr/bin/python3"] where !FileManager.default.fileExists(atPath: program)
        {
            throw XCTSkip("\(program) is not installed (scripts/install-deps.sh installs the test mail server)")
        }
        guard (try? BoundedProcess.run("/usr/bin/python3", ["-c", "import aiosmtpd"], timeout: 20))?.status == 0 else {
            throw XCTSkip("python3-aiosmtpd is not installed (scripts/install-deps.sh installs it)")
        }
        runtime = FileManager.default.temporaryDirectory.appendingPathComponent(
            "csar-mail-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: runtime, withIntermediateDirectories: true)
        let started = try BoundedProcess.run("/bin/bash", [Self.script, "start", runtime.path], timeout: 60)
        guard started.status == 0 else {
            throw NSError(domain: "TestMailServer", code: 1, userInfo: [NSLocalizedDescriptionKey: started.output])
        }
        let text = try String(contentsOf: runtime.appendingPathComponent("mail.env"), encoding: .utf8)
        settings = Dictionary(
            text.split(separator: "\n").compactMap { line -> (String, String)? in
                guard let equals = line.firstIndex(of: "=") else { return nil }
                return (String(line[..<equals]), String(line[line.index(after: equals)...]))
            }, uniquingKeysWith: { _, last in last })
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

    func stop() {
        _ = try? BoundedProcess.run("/bin/bash", [Self.script, "stop", runtime.path], timeout: 30)
        try? FileManager.default.removeItem(at: runtime)
    }
}
