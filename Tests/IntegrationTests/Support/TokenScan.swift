import Foundation

/// Finds the tokens a site issued in its responses, and looks for any of them — whole or in part, in every
/// encoding an output could give them — in what csar-check wrote.
enum TokenScan {
    /// Text shorter than this is not counted as a piece of a token: long enough that a chance match in a
    /// report is out of the question, short enough to catch a token cut in half.
    static let windowLength = 16

    /// One token found in an output.
    struct Leak: CustomStringConvertible {
        var kind: String
        var encoding: String
        var output: String
        var excerpt: String

        var description: String { "\(kind) (\(encoding)) in \(output): …\(excerpt)…" }
    }

    /// Every secret value in raw HTTP responses: `Set-Cookie` values as sent and URL-decoded, the parts of
    /// Laravel's encrypted cookies (`iv`, `value`, `mac` of the base64 JSON), `<meta name="csrf-token">` and
    /// hidden `_token` inputs. Keyed by value, valued by where it came from.
    static func issuedTokens(inResponses text: String) -> [String: String] {
        var tokens: [String: String] = [:]
        for match in text.matches(of: /(?im)^set-cookie:\s*([^=;\s]+)=([^;\r\n]*)/) {
            let name = String(match.1)
            let value = String(match.2)
            guard !value.isEmpty, value != "deleted" else { continue }
            tokens[value] = "cookie \(name)"
            let decoded = value.removingPercentEncoding ?? value
            tokens[decoded] = "cookie \(name) (URL-decoded)"
            for (part, piece) in envelopeParts(decoded) {
                tokens[piece] = "cookie \(name) (\(part))"
            }
        }
        for match in text.matches(of: /<meta name="csrf-token" content="([^"]+)"/) {
            tokens[String(match.1)] = "meta csrf-token"
        }
        for match in text.matches(of: /name="_token" value="([^"]+)"/) {
            tokens[String(match.1)] = "hidden _token"
        }
        return tokens
    }

    /// The string members of a base64 JSON object (Laravel's `{"iv","value","mac"}` envelopes).
    static func envelopeParts(_ value: String) -> [(String, String)] {
        guard let data = Data(base64Encoded: value),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [] }
        return object.compactMap { key, member in
            guard let text = member as? String, text.count >= windowLength else { return nil }
            return (key, text)
        }
    }

    /// The forms a token could take in an output: as is, URL-encoded, HTML-escaped, JSON-escaped, base64.
    static func encodings(of token: String) -> [(String, String)] {
        let unreserved = CharacterSet(
            charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
        )
        let html = token.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#039;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
        let candidates = [
            ("raw", token),
            ("URL-encoded", token.addingPercentEncoding(withAllowedCharacters: unreserved) ?? token),
            ("HTML-escaped", html),
            ("HTML-escaped (&#39;)", html.replacingOccurrences(of: "&#039;", with: "&#39;")),
            (
                "JSON-escaped",
                token.replacingOccurrences(of: "\\", with: "\\\\")
                    .replacingOccurrences(of: "/", with: "\\/").replacingOccurrences(of: "\"", with: "\\\"")
            ),
            ("base64", Data(token.utf8).base64EncodedString()),
        ]
        var seen: Set<String> = []
        return candidates.filter { seen.insert($0.1).inserted }
    }

    /// Every token of `tokens` (value → kind) found in `outputs` (name → text), whole or any
    /// ``windowLength``-character piece of it.
    static func leaks(of tokens: [String: String], in outputs: [(name: String, text: String)]) -> [Leak] {
        var leaks: [Leak] = []
        for output in outputs {
            let characters = Array(output.text)
            let windows = windowIndex(characters)
            for (token, kind) in tokens {
                for (encoding, form) in encodings(of: token) {
                    let text = output.text
                    let start =
                        form.count < windowLength
                        ? text.range(of: form).map { text.distance(from: text.startIndex, to: $0.lowerBound) }
                        : pieces(of: form).lazy.compactMap { windows[$0] }.first
                    guard let start else { continue }
                    let excerpt = characters[max(0, start - 20)..<min(characters.count, start + windowLength + 20)]
                    leaks.append(Leak(kind: kind, encoding: encoding, output: output.name, excerpt: String(excerpt)))
                    break
                }
            }
        }
        return leaks
    }

    /// Where each ``windowLength``-character piece of a text first starts.
    private static func windowIndex(_ characters: [Character]) -> [String: Int] {
        var windows: [String: Int] = [:]
        guard characters.count >= windowLength else { return windows }
        for start in 0...(characters.count - windowLength) {
            let piece = String(characters[start..<start + windowLength])
            if windows[piece] == nil { windows[piece] = start }
        }
        return windows
    }

    private static func pieces(of text: String) -> [String] {
        let characters = Array(text)
        return (0...(characters.count - windowLength)).map { String(characters[$0..<$0 + windowLength]) }
    }
}
