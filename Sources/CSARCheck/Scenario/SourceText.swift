import Foundation

/// Reads a scenario, suite or `.env` file as UTF-8 text, saying exactly why when it cannot: no such
/// file, a folder, no permission, too large, or not UTF-8 — with the offset, line and column of the first
/// byte that is not (a file saved as Latin-1 or UTF-16 by an editor). A UTF-8 byte order mark, which
/// editors on Windows write, is dropped: it is not part of the text.
public enum SourceText {
    /// Files larger than this are refused before parsing: no scenario is anywhere near, and YAML parsing
    /// of a huge file would only burn memory.
    public static let maxBytes = 4 << 20

    /// Why a file could not be read, located where that makes sense.
    public struct ReadError: Error, Sendable, Equatable {
        public var line: Int
        public var column: Int
        public var message: String
    }

    /// The file's text, or why it cannot be had.
    public static func read(_ path: String) throws(ReadError) -> String {
        try decode(bytes(path, maxBytes: maxBytes))
    }

    /// The bytes of the file, or why they cannot be had: no such file, a folder, no permission, or more than
    /// `maxBytes` (never read further than that, so a device or a huge file cannot exhaust memory).
    public static func bytes(_ path: String, maxBytes: Int) throws(ReadError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ReadError(line: 1, column: 1, message: "no such file")
        }
        guard !isDirectory.boolValue else { throw ReadError(line: 1, column: 1, message: "a folder, not a file") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ReadError(line: 1, column: 1, message: "cannot read the file (permission denied?)")
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: maxBytes + 1)) ?? Data()
        guard data.count <= maxBytes else {
            throw ReadError(line: 1, column: 1, message: "the file is larger than \(maxBytes >> 20) MB")
        }
        return Array(data)
    }

    /// The text of `bytes` without a leading UTF-8 byte order mark, or where and why they are not UTF-8.
    public static func decode(_ bytes: [UInt8]) throws(ReadError) -> String {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw ReadError(line: 1, column: 1, message: "the file is UTF-16; save it as UTF-8")
        }
        let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
        let markLength = bytes.starts(with: byteOrderMark) ? byteOrderMark.count : 0
        let bytes = Array(bytes.dropFirst(markLength))
        if let offset = firstInvalidOffset(bytes) {
            let before = bytes[..<offset]
            let line = before.filter { $0 == 0x0A }.count + 1
            let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).unicodeScalars.count + 1
            let byte = String(bytes[offset], radix: 16, uppercase: true).leftPadded(to: 2)
            throw ReadError(
                line: line, column: column,
                message:
                    "not UTF-8: byte 0x\(byte) at offset \(markLength + offset) (line \(line), column \(column)) is not valid "
                    + "UTF-8; save the file as UTF-8"
            )
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The offset of the first byte that does not belong to a valid UTF-8 sequence, nil when all do.
    static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        var offset = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
            case .emptyInput:
                return nil
            case .error:
                return offset
            }
        }
    }
}
