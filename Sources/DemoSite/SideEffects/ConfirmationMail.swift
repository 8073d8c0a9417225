import Foundation

/// A mail as a mail catcher receives it: the envelope's parts it lists, and the RFC 5322 message itself.
struct OutgoingMail: Sendable {
    struct Address: Sendable, Equatable {
        var name: String
        var address: String
    }

    var messageID: String
    var from: Address
    var to: [Address]
    var cc: [Address]
    var subject: String
    var text: String
    /// The message as sent: headers, then a `multipart/alternative` body, CRLF line ends.
    var raw: [UInt8]
}

/// "Votre demande CSAR-… a été enregistrée", the Laravel site's `DemandeEnregistree` mailable: from
/// `noreply@csar.sn` ("CSAR") to the requester, the administrators in copy, a text and an HTML part.
enum ConfirmationMail {
    static let from = OutgoingMail.Address(name: "CSAR", address: "noreply@csar.sn")

    static func make(for demande: Demande, adminAddress: String, date: Date = Date()) -> OutgoingMail {
        let subject = "Votre demande \(demande.reference) a été enregistrée"
        let messageID = "\(RandomToken.make(length: 32).lowercased())@csar.sn"
        let to = OutgoingMail.Address(name: "", address: demande.email)
        let cc = OutgoingMail.Address(name: "", address: adminAddress)
        let text = text(for: demande)
        let boundary = "_=_csar_" + RandomToken.make(length: 24)
        let headers = [
            "Message-ID: <\(messageID)>",
            "Date: \(MailHeaderFormat.date(date))",
            "Subject: \(MailHeaderFormat.encodedWords(subject))",
            "From: \(MailHeaderFormat.encodedWords(from.name)) <\(from.address)>",
            "To: \(to.address)",
            "Cc: \(cc.address)",
            "MIME-Version: 1.0",
            // Folded, as mailers do, to keep the line within 78 characters.
            "Content-Type: multipart/alternative;\r\n boundary=\"\(boundary)\"",
        ]
        var message = headers.joined(separator: "\r\n") + "\r\n\r\n"
        for (type, body) in [("text/plain", text), ("text/html", html(for: demande))] {
            message += "--\(boundary)\r\nContent-Type: \(type); charset=utf-8\r\n"
            message += "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
            message += QuotedPrintable.encode(body) + "\r\n"
        }
        message += "--\(boundary)--\r\n"
        return OutgoingMail(
            messageID: messageID, from: from, to: [to], cc: [cc], subject: subject, text: text,
            raw: Array(message.utf8))
    }

    /// `emails/demande-enregistree-texte.blade.php`.
    static func text(for demande: Demande) -> String {
        """
        Bonjour \(demande.nom),

        Votre demande \(demande.reference) a été enregistrée par le Commissariat à la Sécurité Alimentaire et \
        à la Résilience (CSAR).

        Région : \(demande.region)

        Nos équipes l'étudient et reviendront vers vous.

        — Le CSAR

        """
    }

    /// `emails/demande-enregistree.blade.php`.
    static func html(for demande: Demande) -> String {
        """
        <!DOCTYPE html>
        <html lang="fr">
        <head><meta charset="utf-8"><title>Votre demande a été enregistrée</title></head>
        <body style="font-family: sans-serif">
            <p>Bonjour \(escapeHTML(demande.nom)),</p>
            <p>Votre demande <strong>\(escapeHTML(demande.reference))</strong> a été enregistrée par le \
        Commissariat à la Sécurité Alimentaire et à la Résilience (CSAR).</p>
            <p>Région : \(escapeHTML(demande.region))</p>
            <p>Nos équipes l'étudient et reviendront vers vous.</p>
            <p>— Le CSAR</p>
        </body>
        </html>

        """
    }
}

/// Header values as mailers write them.
enum MailHeaderFormat {
    /// RFC 5322 §3.3: `Tue, 08 Dec 2026 04:50:00 +0000`.
    static func date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }

    /// The text as is when it is printable ASCII, else RFC 2047 `=?utf-8?Q?…?=` words, folded onto
    /// continuation lines.
    static func encodedWords(_ text: String) -> String {
        guard text.utf8.allSatisfy({ (0x20..<0x7F).contains($0) }) else {
            var words: [String] = []
            var current = ""
            for character in text {
                var encoded = ""
                for byte in String(character).utf8 {
                    switch byte {
                    case 0x20: encoded += "_"
                    case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."):
                        encoded.unicodeScalars.append(UnicodeScalar(byte))
                    default: encoded += "=" + QuotedPrintable.hex(byte)
                    }
                }
                // Words of at most 62 characters (`=?utf-8?Q?` and `?=` take 12) leave room for the header's name
                // on the first line within 78.
                if current.count + encoded.count > 50 {
                    words.append(current)
                    current = ""
                }
                current += encoded
            }
            words.append(current)
            return words.map { "=?utf-8?Q?\($0)?=" }.joined(separator: "\r\n ")
        }
        return text
    }
}

/// RFC 2045 §6.7 quoted-printable, for UTF-8 text with CRLF line ends and lines of at most 76 characters.
enum QuotedPrintable {
    static func encode(_ text: String) -> String {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false)
        return lines.map { encodeLine(Array($0.utf8)) }.joined(separator: "\r\n")
    }

    private static func encodeLine(_ bytes: [UInt8]) -> String {
        var output: [String] = []
        var line = ""
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            let plain =
                (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "="))
                || ((byte == 0x20 || byte == 0x09) && !isLast)
            let token = plain ? String(UnicodeScalar(byte)) : "=" + hex(byte)
            // 75 leaves room for the `=` of a soft line break.
            if line.count + token.count > 75 {
                output.append(line + "=")
                line = ""
            }
            line += token
        }
        output.append(line)
        return output.joined(separator: "\r\n")
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
