/// A string with `{{ name }}` placeholders, parsed once when the scenario loads so that undefined
/// names are found before any request is sent.
public struct Template: Sendable, Equatable {
    public enum Part: Sendable, Equatable {
        case literal(String)
        case variable(String)
    }

    public let source: String
    public let parts: [Part]

    /// Parses `source`; throws a message (with the offending placeholder) for an unclosed or empty one.
    public init(parsing source: String) throws(TemplateSyntaxError) {
        self.source = source
        var parts: [Part] = []
        var rest = Substring(source)
        while let open = rest.range(of: "{{") {
            if open.lowerBound > rest.startIndex {
                parts.append(.literal(String(rest[..<open.lowerBound])))
            }
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                throw TemplateSyntaxError(message: "unclosed '{{' in \"\(source)\"")
            }
            let name = rest[open.upperBound..<close.lowerBound].trimmingEdges(of: " \t")
            guard Self.isValidName(name) else {
                throw TemplateSyntaxError(
                    message: "'{{\(rest[open.upperBound..<close.lowerBound])}}' is not a variable name")
            }
            parts.append(.variable(name))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty || parts.isEmpty {
            parts.append(.literal(String(rest)))
        }
        self.parts = parts
    }

    /// A template with no placeholders.
    public init(literal: String) {
        source = literal
        parts = [.literal(literal)]
    }

    /// The names this template reads, in order.
    public var variableNames: [String] {
        parts.compactMap { if case .variable(let name) = $0 { name } else { nil } }
    }

    /// Expands placeholders; a name `lookup` cannot resolve is returned as the error.
    public func render(_ lookup: (String) -> String?) throws(UndefinedVariable) -> String {
        var text = ""
        for part in parts {
            switch part {
            case .literal(let literal): text += literal
            case .variable(let name):
                guard let value = lookup(name) else { throw UndefinedVariable(name: name) }
                text += value
            }
        }
        return text
    }

    static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else {
            return false
        }
        return name.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || ("0"..."9").contains($0) || "_.-".unicodeScalars.contains($0)
        }
    }
}

public struct TemplateSyntaxError: Error, Sendable {
    public var message: String
}

/// A placeholder whose variable has no value when the template is rendered.
public struct UndefinedVariable: Error, Sendable, Equatable {
    public var name: String
}
