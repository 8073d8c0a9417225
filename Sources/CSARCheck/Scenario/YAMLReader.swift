import Yams

/// Turns positions of a composed YAML tree into `SourceLocation`s and errors with the source line.
struct YAMLReader {
    let file: String
    private let lines: [Substring]

    init(file: String, text: String) {
        self.file = file
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    func location(of node: Node?) -> SourceLocation {
        let mark = node?.mark
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    func error(at node: Node?, key: String, _ message: String) -> ScenarioError {
        let location = location(of: node)
        return ScenarioError(location: location, key: key, message: message, sourceLine: sourceLine(location))
    }

    /// The text of the line `location` points into, for messages that show it with a caret.
    func sourceLine(_ location: SourceLocation) -> String? {
        lines.indices.contains(location.line - 1) ? String(lines[location.line - 1]).trimmingNewline() : nil
    }

    /// The comment lines right above `node`'s line, `#` and indentation removed, joined by spaces; nil when
    /// the line above is not a comment. How a file documents its variables.
    func comment(above node: Node) -> String? {
        var index = location(of: node).line - 2
        var text: [String] = []
        while lines.indices.contains(index) {
            let line = lines[index].trimmingEdges(of: " \t\r")
            guard line.hasPrefix("#") else { break }
            text.insert(String(line.dropFirst()).trimmingEdges(of: " \t"), at: 0)
            index -= 1
        }
        let joined = text.filter { !$0.isEmpty }.joined(separator: " ")
        return joined.isEmpty ? nil : joined
    }

    func error(at location: SourceLocation, key: String, _ message: String) -> ScenarioError {
        ScenarioError(location: location, key: key, message: message, sourceLine: sourceLine(location))
    }
}

extension Node {
    /// What kind of YAML node this is, for messages such as "expected a string, found a list".
    var kindName: String {
        switch self {
        case .scalar: "a scalar"
        case .mapping: "a map"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}
