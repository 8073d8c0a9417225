import Foundation

/// One part of a `multipart/form-data` body.
struct MultipartPart: Sendable {
    let name: String
    /// Present for file parts (possibly empty when the browser had no file to send).
    let filename: String?
    let body: [UInt8]
}

/// A strict, bounded `multipart/form-data` parser (RFC 7578).
///
/// Hostile bodies must end in a 400, never a crash or a runaway loop: every index is range-checked, and the
/// number of parts and the size of each header block are capped.
enum MultipartParser {
    static let maxParts = 200
    static let maxHeaderBytes = 8 * 1_024

    private static let crlf: [UInt8] = [13, 10]
    private static let headerTerminator: [UInt8] = [13, 10, 13, 10]
    private static let dashes: [UInt8] = [45, 45]

    /// The `boundary` parameter of a `multipart/form-data` content type, quoted or not (1–70 characters).
    static func boundary(fromContentType contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "boundary" else {
                continue
            }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast())
            }
            return (1...70).contains(value.utf8.count) ? value : nil
        }
        return nil
    }

    static func parse(_ body: [UInt8], boundary: String) throws(FormInputError) -> [MultipartPart] {
        let delimiter = dashes + Array(boundary.utf8)
        let separator = crlf + delimiter
        // Anything before the first delimiter is preamble and is ignored, as the RFC says.
        guard let first = find(delimiter, in: body, from: 0) else {
            throw .malformedMultipart("boundary not found in body")
        }
        var position = first + delimiter.count
        var parts: [MultipartPart] = []
        while true {
            if hasBytes(dashes, in: body, at: position) {
                return parts
            }
            guard hasBytes(crlf, in: body, at: position) else {
                throw .malformedMultipart("boundary not followed by CRLF")
            }
            position += crlf.count
            let headerEnd: Int
            let contentStart: Int
            if hasBytes(crlf, in: body, at: position) {
                // A part without any header line.
                headerEnd = position
                contentStart = position + crlf.count
            } else {
                guard let end = find(headerTerminator, in: body, from: position) else {
                    throw .malformedMultipart("part headers not terminated")
                }
                headerEnd = end
                contentStart = end + headerTerminator.count
            }
            guard headerEnd - position <= maxHeaderBytes else { throw .malformedMultipart("part headers too large") }
            guard let contentEnd = find(separator, in: body, from: contentStart) else {
                throw .malformedMultipart("part not terminated by a boundary")
            }
            let headers = String(decoding: body[position..<headerEnd], as: UTF8.self)
            // A part with no form-data name cannot be addressed by any field; PHP drops it too.
            if let part = makePart(headers: headers, body: Array(body[contentStart..<contentEnd])) {
                parts.append(part)
                guard parts.count <= maxParts else { throw .malformedMultipart("too many parts") }
            }
            position = contentEnd + separator.count
        }
    }

    private static func makePart(headers: String, body: [UInt8]) -> MultipartPart? {
        for line in headers.components(separatedBy: "\r\n") {
            guard let colon = line.firstIndex(of: ":"),
                line[..<colon].trimmingCharacters(in: .whitespaces).lowercased() == "content-disposition"
            else { continue }
            let parameters = dispositionParameters(String(line[line.index(after: colon)...]))
            guard let name = parameters["name"], !name.isEmpty else { return nil }
            return MultipartPart(name: name, filename: parameters["filename"].map(baseName), body: body)
        }
        return nil
    }

    /// Parses `form-data; name="field"; filename="a;b.pdf"` into lower-cased parameter names and values.
    /// Quoted values may contain `;`. Backslashes are kept literally because browsers send Windows paths
    /// unescaped rather than as quoted-pairs.
    static func dispositionParameters(_ value: String) -> [String: String] {
        var parameters: [String: String] = [:]
        let characters = Array(value)
        guard var index = characters.firstIndex(of: ";") else { return [:] }
        index += 1
        while index < characters.count {
            let nameStart = index
            while index < characters.count, characters[index] != "=", characters[index] != ";" {
                index += 1
            }
            let name = String(characters[nameStart..<index]).trimmingCharacters(in: .whitespaces).lowercased()
            guard index < characters.count, characters[index] == "=" else {
                index += 1
                continue
            }
            index += 1
            while index < characters.count, characters[index] == " " || characters[index] == "\t" {
                index += 1
            }
            var parameterValue = ""
            if index < characters.count, characters[index] == "\"" {
                index += 1
                while index < characters.count, characters[index] != "\"" {
                    parameterValue.append(characters[index])
                    index += 1
                }
                while index < characters.count, characters[index] != ";" {
                    index += 1
                }
            } else {
                let valueStart = index
                while index < characters.count, characters[index] != ";" {
                    index += 1
                }
                parameterValue = String(characters[valueStart..<index]).trimmingCharacters(in: .whitespaces)
            }
            index += 1
            parameters[name] = parameterValue
        }
        return parameters
    }

    /// Drops any directory part a client put in the file name (old browsers sent full Windows paths).
    private static func baseName(_ filename: String) -> String {
        String(filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? "")
    }

    private static func hasBytes(_ expected: [UInt8], in bytes: [UInt8], at offset: Int) -> Bool {
        guard offset >= 0, offset + expected.count <= bytes.count else { return false }
        return bytes[offset..<offset + expected.count].elementsEqual(expected)
    }

    /// Index of the first occurrence of `needle` at or after `start`. Scans for the first byte and only then
    /// compares the rest, which keeps the common case linear in the body size.
    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, start >= 0, haystack.count - start >= needle.count else { return nil }
        return haystack.withUnsafeBufferPointer { bytes in
            var index = start
            let last = bytes.count - needle.count
            while index <= last {
                if bytes[index] == first, bytes[index..<index + needle.count].elementsEqual(needle) {
                    return index
                }
                index += 1
            }
            return nil
        }
    }
}
