import Yams

/// Composes YAML text into a node tree, refusing documents whose aliases expand beyond a budget.
///
/// Yams resolves an alias to the anchored node itself, so composing a "billion laughs" document is cheap;
/// every later walk of the tree (reading a `json:` body, rendering it) sees the full expansion. A few
/// hundred bytes of nested aliases reach billions of nodes, so the expanded size is bounded here, once,
/// before anything walks the tree. Nesting depth is bounded by libyaml itself (1000 levels).
enum YAMLComposer {
    /// Nodes of the expanded document: the largest shipped scenario has a few hundred.
    static let maxNodes = 100_000
    /// Bytes of scalar text in the expanded document.
    static let maxScalarBytes = 16 << 20

    /// The document's root (nil for an empty document); throws Yams' `YamlError` for invalid YAML and
    /// `YAMLExpansionError` for a document too large once its aliases are expanded.
    static func compose(_ text: String) throws -> Node? {
        guard let root = try Yams.compose(yaml: text) else { return nil }
        var budget = Budget()
        try budget.spend(on: root)
        return root
    }

    private struct Budget {
        var nodes = 0
        var bytes = 0

        mutating func spend(on node: Node) throws(YAMLExpansionError) {
            nodes += 1
            switch node {
            case .scalar(let scalar):
                bytes += scalar.string.utf8.count
            case .sequence(let sequence):
                for item in sequence { try spend(on: item) }
            case .mapping(let mapping):
                for (key, value) in mapping {
                    try spend(on: key)
                    try spend(on: value)
                }
            case .alias:
                break
            }
            if nodes > YAMLComposer.maxNodes || bytes > YAMLComposer.maxScalarBytes {
                throw YAMLExpansionError(line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
            }
        }
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
