/// Acceptable status codes: exact codes and classes such as `2xx`, or codes that must not occur.
public struct StatusExpectation: Sendable, Equatable, CustomStringConvertible {
    public enum Code: Sendable, Equatable, CustomStringConvertible {
        case exact(Int)
        /// The hundreds digit: 2 for `2xx`.
        case family(Int)

        func matches(_ status: Int) -> Bool {
            switch self {
            case .exact(let code): status == code
            case .family(let hundreds): status / 100 == hundreds
            }
        }

        public var description: String {
            switch self {
            case .exact(let code): String(code)
            case .family(let hundreds): "\(hundreds)xx"
            }
        }
    }

    public var codes: [Code]
    /// When true the status must match none of `codes` (`status: { not: 5xx }`).
    public var negated: Bool

    public init(codes: [Code], negated: Bool = false) {
        self.codes = codes
        self.negated = negated
    }

    public func accepts(_ status: Int) -> Bool {
        codes.contains { $0.matches(status) } != negated
    }

    public var description: String {
        let list =
            codes.count == 1 ? codes[0].description : "one of " + codes.map(\.description).joined(separator: ", ")
        return negated ? "not \(list)" : list
    }

    /// The codes as a plain list, as a load section writes them: `2xx, 3xx`, `200, 429`, `not 5xx`.
    public var list: String {
        (negated ? "not " : "") + codes.map(\.description).joined(separator: ", ")
    }

    /// What a load run expects unless its section says otherwise: an answer, not an error (2xx or 3xx).
    public static let successOrRedirect = StatusExpectation(codes: [.family(2), .family(3)])
}

/// In reports as `{"codes": ["2xx", "429"], "negated": false}`.
extension StatusExpectation: Codable {
    private enum CodingKeys: String, CodingKey { case codes, negated }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        codes = try container.decode([String].self, forKey: .codes).compactMap { text in
            if let code = Int(text) { return .exact(code) }
            return text.hasSuffix("xx") ? Int(text.prefix(1)).map(Code.family) : nil
        }
        negated = try container.decode(Bool.self, forKey: .negated)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(codes.map(\.description), forKey: .codes)
        try container.encode(negated, forKey: .negated)
    }
}
