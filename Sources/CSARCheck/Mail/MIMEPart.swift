import Foundation

/// One part of a MIME message (RFC 2045–2047): its headers, and either a body or, for `multipart/*`, the parts
/// between its boundaries.
struct MIMEPart {
    var headers: [(name: String, value: String)]
    /// The body as sent, still in its transfer encoding.
    var rawBody: ArraySlice<UInt8>
    var children: [MIMEPart] = []

    func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveEquals(name) }?.value
    }

    /// `text/plain` by default, lowercased, without parameters.
    var mediaType: String {
        (header("Content-Type") ?? "text/plain").split(separator: ";").first.map {
            $0.trimmingEdges(of: " \t").lowercased()
        } ?? "text/plain"
    }

    var isAttachment: Bool {
        (header("Content-Disposition") ?? "").lowercased().hasPrefix("attachment")
    }

    /// The attachment's file name, from `Content-Disposition` or `Content-Type`'s `name`.
    var filename: String? {
        HeaderParameters.value("filename", in: header("Content-Disposition"))
            ?? HeaderParameters.value("name", in: header("Content-Type"))
    }

    /// The body decoded from its transfer encoding and read in its charset (UTF-8 when none is named or
    /// known); line ends made `\n`.
    var decodedText: String {
        let encoding = (header("Content-Transfer-Encoding") ?? "").trimmingEdges(of: " \t").lowercased()
        let bytes: [UInt8] =
            switch encoding {
            case "quoted-printable": TransferEncoding.quotedPrintable(rawBody)
            case "base64": TransferEncoding.base64(rawBody)
            default: Array(rawBody)
            }
        let charset = HeaderParameters.value("charset", in: header("Content-Type"))
        return Charset.decode(bytes, charset: charset).replacingOccurrences(of: "\r\n", with: "\n")
    }

    /// Parses headers and body; a `multipart/*` body is split at its boundary into parts, recursively.
    static func parse(_ bytes: ArraySlice<UInt8>, depth: Int = 0) -> MIMEPart {
        let (head, body) = split(bytes)
        var part = MIMEPart(headers: HeaderFields.parse(head), rawBody: body)
        if depth < 8, part.mediaType.hasPrefix("multipart/"),
            let boundary = HeaderParameters.value("boundary", in: part.header("Content-Type"))
        {
            part.children = MultipartBody.parts(of: body, boundary: boundary).map { parse($0, depth: depth + 1) }
        }
        return part
    }

    /// The header block and the body, at the first empty line.
    private static func split(_ bytes: ArraySlice<UInt8>) -> (ArraySlice<UInt8>, ArraySlice<UInt8>) {
        var index = bytes.startIndex
        var lineStart = index
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "\n") {
                let line = bytes[lineStart..<index]
                if line.isEmpty || line == [UInt8(ascii: "\r")] {
                    return (bytes[bytes.startIndex..<lineStart], bytes[(index + 1)...])
                }
                lineStart = index + 1
            }
            index += 1
        }
        return (bytes, [])
    }
}

/// Header lines unfolded (a line starting with a space or tab continues the one above) and their values
/// decoded from RFC 2047 encoded words.
enum HeaderFields {
    static func parse(_ block: ArraySlice<UInt8>) -> [(name: String, value: String)] {
        let text = String(decoding: block, as: UTF8.self)
        var fields: [(name: String, value: String)] = []
        // "\r\n" is one Character to Swift: split on any line end.
        for line in text.split(whereSeparator: \.isNewline) {
            if let first = line.first, first == " " || first == "\t", !fields.isEmpty {
                fields[fields.count - 1].value += " " + line.trimmingEdges(of: " \t")
            } else if let colon = line.firstIndex(of: ":") {
                fields.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingEdges(of: " \t")))
            }
        }
        return fields.map { ($0.name, EncodedWords.decode($0.value)) }
    }
}

/// RFC 2047 encoded words (`=?UTF-8?Q?Votre_demande_=C3=A9t=C3=A9?=`, `=?utf-8?B?…?=`); white space between two
/// adjacent encoded words is dropped, as the RFC says.
enum EncodedWords {
    static func decode(_ text: String) -> String {
        guard text.contains("=?") else { return text }
        let word = /=\?([^?]+)\?([QqBb])\?([^?]*)\?=/
        var result = ""
        var rest = Substring(text)
        var previousWasEncoded = false
        while let match = rest.firstMatch(of: word) {
            let between = rest[..<match.range.lowerBound]
            if !(previousWasEncoded && between.allSatisfy({ $0 == " " || $0 == "\t" })) { result += between }
            let payload = Array(match.3.utf8)
            let bytes =
                match.2.lowercased() == "b"
                ? TransferEncoding.base64(payload[...])
                : TransferEncoding.quotedPrintable(payload.map { $0 == UInt8(ascii: "_") ? 0x20 : $0 }[...])
            result += Charset.decode(bytes, charset: String(match.1))
            rest = rest[match.range.upperBound...]
            previousWasEncoded = true
        }
        return result + rest
    }
}

/// `Content-Transfer-Encoding` decoders.
enum TransferEncoding {
    /// Quoted-printable (RFC 2045 §6.7): `=XX` bytes, soft line breaks (`=` at the end of a line) removed.
    static func quotedPrintable(_ input: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = input.startIndex
        while index < input.endIndex {
            let byte = input[index]
            guard byte == UInt8(ascii: "=") else {
                output.append(byte)
                index += 1
                continue
            }
            let next = input.index(after: index)
            if next < input.endIndex, input[next] == UInt8(ascii: "\n") {
                index = input.index(after: next)
            } else if next < input.endIndex, input[next] == UInt8(ascii: "\r"),
                input.index(after: next) < input.endIndex,
                input[input.index(after: next)] == UInt8(ascii: "\n")
            {
                index = input.index(next, offsetBy: 2)
            } else if input.distance(from: next, to: input.endIndex) >= 2,
                let high = UnicodeEscape.hexValue(UInt32(input[next])),
                let low = UnicodeEscape.hexValue(UInt32(input[input.index(after: next)]))
            {
                output.append(UInt8(high << 4 | low))
                index = input.index(next, offsetBy: 2)
            } else {
                output.append(byte)
                index += 1
            }
        }
        return output
    }

    /// Base64, line breaks and other characters outside the alphabet ignored.
    static func base64(_ input: ArraySlice<UInt8>) -> [UInt8] {
        let cleaned = input.filter {
            ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 43 || $0 == 47
        }
        let padded =
            String(decoding: cleaned, as: UTF8.self)
            + String(repeating: "=", count: (4 - cleaned.count % 4) % 4)
        return Data(base64Encoded: padded).map(Array.init) ?? []
    }
}

/// Text in a message's charset: UTF-8, ISO-8859-1/15, Windows-1252, US-ASCII; anything else is read as UTF-8.
enum Charset {
    static func decode(_ bytes: [UInt8], charset: String?) -> String {
        switch (charset ?? "utf-8").lowercased() {
        case "iso-8859-1", "latin1", "iso-8859-15":
            return String(data: Data(bytes), encoding: .isoLatin1) ?? String(decoding: bytes, as: UTF8.self)
        case "windows-1252", "cp1252":
            return String(data: Data(bytes), encoding: .windowsCP1252) ?? String(decoding: bytes, as: UTF8.self)
        default:
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}

/// A parameter of a structured header: `boundary` of `multipart/alternative; boundary="_=_swift_…"`.
enum HeaderParameters {
    static func value(_ name: String, in header: String?) -> String? {
        guard let header else { return nil }
        for parameter in header.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingEdges(of: " \t").lowercased() == name else { continue }
            return pair[1].trimmingEdges(of: " \t\"")
        }
        return nil
    }
}

/// The parts of a `multipart/*` body: between `--boundary` lines, up to `--boundary--`.
enum MultipartBody {
    static func parts(of body: ArraySlice<UInt8>, boundary: String) -> [ArraySlice<UInt8>] {
        let delimiter = Array("--\(boundary)".utf8)
        var parts: [ArraySlice<UInt8>] = []
        var partStart: Int?
        var lineStart = body.startIndex
        var index = body.startIndex
        while index <= body.endIndex {
            guard index == body.endIndex || body[index] == UInt8(ascii: "\n") else {
                index += 1
                continue
            }
            var line = body[lineStart..<index]
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            if line.starts(with: delimiter) {
                if let start = partStart {
                    // The line break before the delimiter belongs to it.
                    var end = lineStart
                    if end > start, body[end - 1] == UInt8(ascii: "\n") { end -= 1 }
                    if end > start, body[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                    parts.append(body[start..<end])
                }
                if line.dropFirst(delimiter.count).starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")]) { break }
                partStart = min(index + 1, body.endIndex)
            }
            lineStart = index + 1
            index += 1
        }
        return parts
    }
}
