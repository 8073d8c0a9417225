import XCTest

@testable import CSARCheck

/// E-mails as a mailbox hands them over, read as a `mail:` step reads them: headers unfolded and decoded,
/// addresses, date, text and HTML bodies out of multipart messages in their transfer encodings and charsets.
/// The messages in Tests/Data/mail were written by Python's `email` package and by hand (see its README).
final class MailMessageTests: XCTestCase {
    private func fixture(_ name: String) throws -> MailMessage {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Data/mail/\(name)")
        return MailMessage.parse(Array(try Data(contentsOf: url)))
    }

    func testAMultipartMessageWithAnAttachment() throws {
        let message = try fixture("multipart-alternative-with-attachment.eml")
        XCTAssertEqual(message.subject, "Votre demande CSAR-2026-000042 a été enregistrée")
        XCTAssertEqual(message.from, ["no-reply@csar.sn"])
        XCTAssertEqual(message.to, ["qa+run1@csar.sn", "autre@csar.sn"])
        XCTAssertEqual(message.date, Self.date(2026, 12, 7, 3, 41, 7))
        XCTAssertEqual(
            message.text,
            "Bonjour Awa,\nVotre demande CSAR-2026-000042 a été enregistrée.\n"
                + "Suivi : https://csar.sn/demande/confirmation/CSAR-2026-000042\n")
        XCTAssertEqual(
            message.html,
            "<p>Bonjour Awa,</p><p>Votre demande <strong class=\"reference\">CSAR-2026-000042</strong> a été "
                + "enregistrée.</p>\n")
        XCTAssertEqual(message.attachments, ["recu.pdf"])
        XCTAssertEqual(message.header("content-type")?.hasPrefix("multipart/mixed"), true)
    }

    func testALatin1QuotedPrintableMessageWithSoftLineBreaksAndEncodedWords() throws {
        let message = try fixture("latin1-quoted-printable.eml")
        XCTAssertEqual(message.subject, "Réception de votre demande", "adjacent encoded words join without their space")
        XCTAssertEqual(message.text, "Ligne très longue coupée par un saut doux.\nRéférence : CSAR-2026-000043\n")
        XCTAssertNil(message.html)
        XCTAssertEqual(message.date, Self.date(2026, 12, 7, 3, 41, 0), "no day name, no seconds")
        XCTAssertEqual(message.body, message.text)
    }

    static func date(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(
            from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second))
    }

    func testAddressListsAndFoldedHeaders() {
        let raw = "To: \"Ndiaye, M.\" <M@X.sn>,\r\n\tawa@csar.sn\r\nSubject: un\r\n  deux\r\n\r\ncorps"
        let message = MailMessage.parse(Array(raw.utf8))
        XCTAssertEqual(message.to, ["m@x.sn", "awa@csar.sn"])
        XCTAssertEqual(message.subject, "un deux")
        XCTAssertEqual(message.text, "corps")
    }
}
