import ArgumentParser

/// `HOST:PORT` to listen on, as `--sms-listen` and `--pusher-listen` take it: `127.0.0.1:8025`, `[::1]:8025`,
/// or a bare port (`8025`, `:8025`) on loopback. Port 0 picks a free one.
struct ListenAddress: Sendable, Equatable, CustomStringConvertible {
    var host: String
    var port: Int

    static let loopback = "127.0.0.1"

    /// For `@Option(transform:)`: what an address looks like, when `argument` is not one.
    static func parse(_ argument: String) throws -> ListenAddress {
        guard let address = ListenAddress(argument) else {
            throw ValidationError(
                "expected HOST:PORT such as 127.0.0.1:8025, or a port on loopback (0 picks a free one), "
                    + "found '\(argument)'")
        }
        return address
    }

    init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    init?(_ text: String) {
        var host = Self.loopback
        var portText = Substring(text)
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            host = String(text[text.index(after: text.startIndex)..<close])
            portText = text[text.index(after: close)...]
            guard portText.hasPrefix(":") else { return nil }
            portText = portText.dropFirst()
        } else if let colon = text.lastIndex(of: ":") {
            if colon != text.startIndex { host = String(text[..<colon]) }
            portText = text[text.index(after: colon)...]
        }
        guard !host.isEmpty, !host.contains(where: \.isWhitespace), portText.allSatisfy(\.isASCII),
            let port = Int(portText), (0...65535).contains(port)
        else { return nil }
        self.host = host
        self.port = port
    }

    var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}
