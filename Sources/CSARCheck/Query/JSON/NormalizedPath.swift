extension JSONPath {
    /// Where a node sits in the document, as the evaluator walks it. Queries that only need values use
    /// `UntrackedLocation`, so they pay nothing for paths.
    protocol NodeLocation {
        func appending(member name: String) -> Self
        func appending(element index: Int) -> Self
    }

    struct UntrackedLocation: NodeLocation {
        func appending(member name: String) -> UntrackedLocation { self }
        func appending(element index: Int) -> UntrackedLocation { self }
    }

    /// A node's location as a linked list from the node back to the root, so that siblings share their parent's
    /// path instead of copying it; it is rendered as an RFC 9535 Normalized Path only when asked.
    indirect enum NormalizedPath: NodeLocation {
        case root
        case member(NormalizedPath, String)
        case element(NormalizedPath, Int)

        func appending(member name: String) -> NormalizedPath {
            .member(self, name)
        }

        func appending(element index: Int) -> NormalizedPath {
            .element(self, index)
        }

        /// The Normalized Path (RFC 9535 §2.7), e.g. `$['store']['book'][0]`.
        var text: String {
            var components: [String] = []
            var location = self
            while true {
                switch location {
                case .root:
                    return "$" + components.reversed().joined()
                case .member(let parent, let name):
                    components.append("['\(Self.escape(name))']")
                    location = parent
                case .element(let parent, let index):
                    components.append("[\(index)]")
                    location = parent
                }
            }
        }

        /// Escapes a member name the one way RFC 9535 §2.7 allows, so equal paths are equal strings.
        private static func escape(_ name: String) -> String {
            var escaped = ""
            for scalar in name.unicodeScalars {
                switch scalar {
                case "'": escaped += "\\'"
                case "\\": escaped += "\\\\"
                case "\u{08}": escaped += "\\b"
                case "\u{0C}": escaped += "\\f"
                case "\n": escaped += "\\n"
                case "\r": escaped += "\\r"
                case "\t": escaped += "\\t"
                case "\u{00}"..."\u{1F}":
                    let hex = String(scalar.value, radix: 16)
                    escaped += "\\u00" + (hex.count == 1 ? "0" : "") + hex
                default: escaped.unicodeScalars.append(scalar)
                }
            }
            return escaped
        }
    }
}
