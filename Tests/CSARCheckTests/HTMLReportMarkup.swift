/// A strict reader of the markup the HTML report writes, for tests: every tag with its attributes, and
/// anything that is not well-formed by our own rules (attribute values always double-quoted). An
/// injection that survived escaping shows up as an unexpected tag or attribute.
struct HTMLReportMarkup {
    struct Tag {
        var name: String
        var closing: Bool
        var attributes: [(name: String, value: String)]
    }

    var tags: [Tag] = []
    var problems: [String] = []
    /// The text of the single `<style>` element.
    var style = ""

    init(_ html: String) {
        let bytes = Array(html.utf8)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            if bytes[index...].starts(with: Array("<!DOCTYPE html>".utf8)) {
                index += 15
                continue
            }
            guard let tag = readTag(bytes, &index) else { continue }
            tags.append(tag)
            if tag.name == "style", !tag.closing, let end = find(Array("</style>".utf8), in: bytes, from: index) {
                style = String(decoding: bytes[index..<end], as: UTF8.self)
                index = end
            }
        }
    }

    func tags(named name: String) -> [Tag] {
        tags.filter { $0.name == name && !$0.closing }
    }

    private mutating func readTag(_ bytes: [UInt8], _ index: inout Int) -> Tag? {
        let start = index
        index += 1
        let closing = index < bytes.count && bytes[index] == UInt8(ascii: "/")
        if closing { index += 1 }
        let name = readName(bytes, &index)
        guard !name.isEmpty else {
            problems.append("stray '<' at byte \(start)")
            return nil
        }
        var tag = Tag(name: name, closing: closing, attributes: [])
        while index < bytes.count {
            skipSpaces(bytes, &index)
            guard index < bytes.count else { break }
            if bytes[index] == UInt8(ascii: ">") {
                index += 1
                return tag
            }
            if bytes[index...].starts(with: Array("/>".utf8)) {
                index += 2
                return tag
            }
            let attribute = readName(bytes, &index)
            guard !attribute.isEmpty else { break }
            var value = ""
            if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
                index += 1
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\""),
                    let end = bytes[(index + 1)...].firstIndex(of: UInt8(ascii: "\""))
                else { break }
                value = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
                index = end + 1
            }
            tag.attributes.append((attribute, value))
        }
        problems.append("malformed <\(name)> at byte \(start)")
        return tag
    }

    private func readName(_ bytes: [UInt8], _ index: inout Int) -> String {
        let start = index
        while index < bytes.count, bytes[index].isNameByte { index += 1 }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private func skipSpaces(_ bytes: [UInt8], _ index: inout Int) {
        while index < bytes.count, [UInt8(ascii: " "), UInt8(ascii: "\n")].contains(bytes[index]) { index += 1 }
    }

    private func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}

extension UInt8 {
    fileprivate var isNameByte: Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) || self == UInt8(ascii: "-")
            || self == UInt8(ascii: ":")
    }
}
