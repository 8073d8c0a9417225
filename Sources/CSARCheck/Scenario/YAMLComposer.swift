internal import CYaml
import Yams

/// Composes YAML text into a node tree, refusing documents whose aliases expand beyond a budget.
///
/// Yams resolves an alias to the anchored node itself, so the tree of a "billion laughs" document is
/// small, but every walk of it (a `json:` body read or rendered, Yams hashing an alias used as a mapping
/// key) sees the full expansion: a few hundred bytes reach billions of nodes. So before Yams composes
/// anything, libyaml's event stream is walked once (the libyaml Yams is built on) and each anchor's expanded
/// size counted; nesting depth is bounded by libyaml itself (1000 levels).
enum YAMLComposer {
    /// Nodes of the expanded document: the largest shipped scenario has a few hundred.
    static let maxNodes = 100_000
    /// Bytes of scalar text in the expanded document.
    static let maxScalarBytes = 16 << 20

    /// The document's root (nil for an empty document); throws Yams' `YamlError` for invalid YAML and
    /// `YAMLExpansionError` for a document too large once its aliases are expanded.
    static func compose(_ text: String) throws -> Node? {
        try checkExpansion(of: text)
        return try Yams.compose(yaml: text)
    }

    /// The expanded size of a node: nodes and scalar bytes.
    private struct Size {
        var nodes = 1
        var bytes = 0

        mutating func add(_ other: Size) {
            nodes += other.nodes
            bytes += other.bytes
        }

        var exceedsBudget: Bool { nodes > YAMLComposer.maxNodes || bytes > YAMLComposer.maxScalarBytes }
    }

    /// Walks the events, sizing every node with its aliases expanded; stops quietly at a syntax error,
    /// which Yams then reports with its own words.
    private static func checkExpansion(of text: String) throws(YAMLExpansionError) {
        var bytes = Array(text.utf8)
        if bytes.isEmpty { return }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return }
        defer { yaml_parser_delete(&parser) }
        try bytes.withUnsafeMutableBufferPointer { (buffer) throws(YAMLExpansionError) in
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var anchors: [String: Size] = [:]
            var open: [(anchor: String?, size: Size)] = []
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                let mark = (line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
                var finished: (anchor: String?, size: Size)?
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return
                case YAML_SCALAR_EVENT:
                    finished = (name(event.data.scalar.anchor), Size(bytes: Int(event.data.scalar.length)))
                case YAML_ALIAS_EVENT:
                    finished = (nil, name(event.data.alias.anchor).flatMap { anchors[$0] } ?? Size())
                case YAML_SEQUENCE_START_EVENT:
                    open.append((name(event.data.sequence_start.anchor), Size()))
                case YAML_MAPPING_START_EVENT:
                    open.append((name(event.data.mapping_start.anchor), Size()))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    finished = open.popLast()
                default:
                    break
                }
                guard let (anchor, size) = finished else { continue }
                if let anchor { anchors[anchor] = size }
                if open.isEmpty {
                    if size.exceedsBudget { throw YAMLExpansionError(line: mark.line, column: mark.column) }
                } else {
                    open[open.count - 1].size.add(size)
                    if open[open.count - 1].size.exceedsBudget {
                        throw YAMLExpansionError(line: mark.line, column: mark.column)
                    }
                }
            }
        }
    }

    private static func name(_ anchor: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        anchor.map { String(cString: $0) }
    }
}

/// A document whose aliases expand beyond `YAMLComposer`'s budget, at the node where it ran out.
struct YAMLExpansionError: Error {
    let line: Int
    let column: Int

    var message: String {
        "the document expands to more than \(YAMLComposer.maxNodes) nodes or \(YAMLComposer.maxScalarBytes >> 20) MB "
            + "of text once its aliases (*name) are expanded; a scenario file must not repeat aliases of aliases"
    }
}
