import Foundation

/// Reads a Laravel `.env` file the way its loader (phpdotenv) does: `KEY=value`, optional `export`,
/// `#` comments, single quotes literal, double quotes with escapes and `${VAR}` expansion (also in
/// unquoted values), multi-line double-quoted values.
public enum EnvFile {
    public struct SyntaxError: Error, Sendable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var message: String

        public var description: String { "\(file):\(line): error: \(message)" }
    }

    public static func load(path: String) throws -> [String: String] {
        let text: String
        do {
            text = try SourceText.read(path)
        } catch {
            throw SyntaxError(file: path, line: error.line, message: error.message)
        }
        return try parse(text, file: path)
    }

    /// Parses `text`; `${VAR}` refers to keys defined above in the file, then to `environment`.
    public static func parse(
        _ text: String, file: String = ".env", environment: [String: String] = [:]
    ) throws(SyntaxError) -> [String: String] {
        var values: [String: String] = [:]
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false)[...]
        var lineNumber = 0
        while let rawLine = lines.popFirst() {
            lineNumber += 1
            var line = rawLine.trimmingEdges(of: " \t")
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst(7)).trimmingEdges(of: " \t") }
            guard let equals = line.firstIndex(of: "=") else {
                throw SyntaxError(file: file, line: lineNumber, message: "expected KEY=value")
            }
            let key = line[..<equals].trimmingEdges(of: " \t")
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }) else {
                throw SyntaxError(file: file, line: lineNumber, message: "'\(key)' is not a valid variable name")
            }
            var rest = line[line.index(after: equals)...].trimmingEdges(of: " \t")
            let startLine = lineNumber
            if rest.hasPrefix("\""), !closesDoubleQuote(rest) {
                // A double-quoted value may span lines until its closing quote.
                while !closesDoubleQuote(rest), let next = lines.popFirst() {
                    lineNumber += 1
                    rest += "\n" + next
                }
            }
            let lookup = { (name: String) in values[name] ?? environment[name] }
            values[key] = try value(rest, file: file, line: startLine, lookup: lookup)
        }
        return values
    }

    private static func value(
        _ raw: String, file: String, line: Int, lookup: (String) -> String?
    ) throws(SyntaxError) -> String {
        if raw.hasPrefix("'") {
            guard let close = raw.dropFirst().firstIndex(of: "'") else {
                throw SyntaxError(file: file, line: line, message: "missing closing single quote")
            }
            return String(raw[raw.index(after: raw.startIndex)..<close])
        }
        if raw.hasPrefix("\"") {
            guard closesDoubleQuote(raw) else {
                throw SyntaxError(file: file, line: line, message: "missing closing double quote")
            }
            return expand(unescape(inner(ofDoubleQuoted: raw)), lookup: lookup)
        }
        var unquoted = raw
        if let comment = unquoted.range(of: " #") ?? unquoted.range(of: "\t#") {
            unquoted = String(unquoted[..<comment.lowerBound])
        }
        return expand(unquoted.trimmingEdges(of: " \t"), lookup: lookup)
    }

    private static func closesDoubleQuote(_ text: String) -> Bool {
        text.count >= 2 && closingQuoteIndex(text) != nil
    }

    private static func closingQuoteIndex(_ text: String) -> String.Index? {
        var escaped = false
        for index in text.indices.dropFirst() {
            let character = text[index]
            if escaped {
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                return index
            }
        }
        return nil
    }

    private static func inner(ofDoubleQuoted text: String) -> String {
        guard let close = closingQuoteIndex(text) else { return text }
        return String(text[text.index(after: text.startIndex)..<close])
    }

    private static func unescape(_ text: String) -> String {
        var result = ""
        var escaped = false
        for character in text {
            if escaped {
                switch character {
                case "n": result += "\n"
                case "r": result += "\r"
                case "t": result += "\t"
                case "\"", "\\", "$": result.append(character)
                default: result += "\\" + String(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// Replaces `${NAME}` with earlier values; unknown names become empty, as in phpdotenv.
    private static func expand(_ text: String, lookup: (String) -> String?) -> String {
        var result = ""
        var rest = Substring(text)
        while let open = rest.range(of: "${"), let close = rest[open.upperBound...].firstIndex(of: "}") {
            result += rest[..<open.lowerBound]
            result += lookup(String(rest[open.upperBound..<close])) ?? ""
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
