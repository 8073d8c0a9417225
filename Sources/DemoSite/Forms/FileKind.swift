/// File types the request form accepts, recognised from content like Laravel's `mimes:` rule (which asks
/// `finfo`, not the client's file name or Content-Type).
enum FileKind: String, CaseIterable, Sendable {
    case pdf, jpg, png, txt

    /// The kind of `bytes`, or nil for anything else (including an empty file, which `finfo` calls
    /// `application/x-empty`).
    init?(sniffing bytes: [UInt8]) {
        if bytes.starts(with: Array("%PDF-".utf8)) {
            self = .pdf
        } else if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            self = .png
        } else if bytes.starts(with: [0xFF, 0xD8, 0xFF]) {
            self = .jpg
        } else if !bytes.isEmpty, FileKind.isPlainText(bytes) {
            self = .txt
        } else {
            return nil
        }
    }

    /// Valid UTF-8 without control characters other than tab, line feed, form feed and carriage return.
    private static func isPlainText(_ bytes: [UInt8]) -> Bool {
        let allowedControls: Set<UInt8> = [9, 10, 12, 13]
        guard bytes.allSatisfy({ $0 >= 0x20 || allowedControls.contains($0) }), bytes.last != 0x7F else {
            return false
        }
        return String(validating: bytes, as: UTF8.self) != nil
    }
}
