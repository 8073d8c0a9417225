extension JSONPath {
    /// A node of a nodelist: a value and where it was found.
    struct Node<Location: NodeLocation> {
        let value: JSONValue
        let location: Location
    }

    /// Applies a compiled query to one document (RFC 9535 §2.3–2.5).
    struct Evaluator {
        /// The document root, which `$` refers to also inside filters.
        let root: JSONValue
        let regexes: RegexCache

        func select<Location>(_ query: Query, at location: Location, current: JSONValue) -> [Node<Location>] {
            var nodes = [Node(value: query.root == .document ? root : current, location: location)]
            for segment in query.segments {
                var next: [Node<Location>] = []
                for node in nodes {
                    if segment.isDescendant {
                        selectDescendants(segment.selectors, of: node, into: &next)
                    } else {
                        select(segment.selectors, of: node, into: &next)
                    }
                }
                nodes = next
            }
            return nodes
        }

        // MARK: - Selectors

        private func select<Location>(
            _ selectors: [Selector], of node: Node<Location>,
            into output: inout [Node<Location>]
        ) {
            for selector in selectors {
                select(selector, of: node, into: &output)
            }
        }

        /// Applies the selectors to the node and then to each of its descendants, parents before children.
        private func selectDescendants<Location>(
            _ selectors: [Selector], of node: Node<Location>,
            into output: inout [Node<Location>]
        ) {
            select(selectors, of: node, into: &output)
            forEachChild(of: node) { child in
                selectDescendants(selectors, of: child, into: &output)
            }
        }

        private func select<Location>(
            _ selector: Selector, of node: Node<Location>,
            into output: inout [Node<Location>]
        ) {
            switch selector {
            case .name(let name):
                if case .object(let object) = node.value, let value = object[name] {
                    output.append(Node(value: value, location: node.location.appending(member: name)))
                }
            case .wildcard:
                forEachChild(of: node) { output.append($0) }
            case .index(let index):
                guard case .array(let elements) = node.value else { return }
                let position = index < 0 ? elements.count + index : index
                if elements.indices.contains(position) {
                    output.append(Node(value: elements[position], location: node.location.appending(element: position)))
                }
            case .slice(let start, let end, let step):
                guard case .array(let elements) = node.value else { return }
                for position in Self.sliceIndices(start: start, end: end, step: step, count: elements.count) {
                    output.append(Node(value: elements[position], location: node.location.appending(element: position)))
                }
            case .filter(let condition):
                forEachChild(of: node) { child in
                    if test(condition, current: child.value) {
                        output.append(child)
                    }
                }
            }
        }

        /// Array elements in order, object members in insertion order; primitives have no children.
        private func forEachChild<Location>(of node: Node<Location>, _ body: (Node<Location>) -> Void) {
            switch node.value {
            case .array(let elements):
                for (index, element) in elements.enumerated() {
                    body(Node(value: element, location: node.location.appending(element: index)))
                }
            case .object(let object):
                for (name, value) in object {
                    body(Node(value: value, location: node.location.appending(member: name)))
                }
            default:
                break
            }
        }

        /// The array indices a slice selects, in selection order (RFC 9535 §2.3.4.2.2).
        static func sliceIndices(start: Int?, end: Int?, step: Int?, count: Int) -> StrideTo<Int> {
            let step = step ?? 1
            func normalize(_ index: Int) -> Int {
                index >= 0 ? index : count + index
            }
            if step > 0 {
                let lower = min(max(normalize(start ?? 0), 0), count)
                let upper = min(max(normalize(end ?? count), 0), count)
                return stride(from: lower, to: upper, by: step)
            } else if step < 0 {
                let upper = min(max(normalize(start ?? count - 1), -1), count - 1)
                let lower = min(max(normalize(end ?? -count - 1), -1), count - 1)
                return stride(from: upper, to: lower, by: step)
            } else {
                return stride(from: 0, to: 0, by: 1)
            }
        }

        // MARK: - Filter expressions

        private func test(_ condition: LogicalExpression, current: JSONValue) -> Bool {
            switch condition {
            case .or(let alternatives):
                return alternatives.contains { test($0, current: current) }
            case .and(let requirements):
                return requirements.allSatisfy { test($0, current: current) }
            case .not(let negated):
                return !test(negated, current: current)
            case .comparison(let left, let comparison, let right):
                return compare(value(of: left, current: current), comparison, value(of: right, current: current))
            case .exists(let query):
                if query.isSingular {
                    return singularValue(query, current: current) != nil
                }
                return !select(query, at: UntrackedLocation(), current: current).isEmpty
            case .test(let call):
                return evaluate(call, current: current).logical
            }
        }

        /// Nothing is `nil`.
        private func value(of operand: Operand, current: JSONValue) -> JSONValue? {
            switch operand {
            case .literal(let value):
                return value
            case .singularQuery(let query):
                return singularValue(query, current: current)
            case .function(let call):
                return evaluate(call, current: current).value
            }
        }

        /// Follows a singular query directly, without building nodelists.
        private func singularValue(_ query: Query, current: JSONValue) -> JSONValue? {
            var value = query.root == .document ? root : current
            for segment in query.segments {
                switch segment.selectors[0] {
                case .name(let name):
                    guard case .object(let object) = value, let member = object[name] else { return nil }
                    value = member
                case .index(let index):
                    guard case .array(let elements) = value else { return nil }
                    let position = index < 0 ? elements.count + index : index
                    guard elements.indices.contains(position) else { return nil }
                    value = elements[position]
                case .wildcard, .slice, .filter:
                    // The parser only marks queries of name and index selectors as singular.
                    return nil
                }
            }
            return value
        }

        private func evaluate(_ call: FunctionCall, current: JSONValue) -> FunctionValue {
            let arguments = call.arguments.map { argument -> FunctionValue in
                switch argument {
                case .value(let operand):
                    .value(value(of: operand, current: current))
                case .nodes(let query):
                    .nodes(select(query, at: UntrackedLocation(), current: current).map(\.value))
                case .logical(let condition):
                    .logical(test(condition, current: current))
                }
            }
            return call.function.evaluate(arguments, regexes: regexes)
        }

        // MARK: - Comparisons

        /// RFC 9535 §2.3.5.2.2: Nothing equals only Nothing; only numbers and strings are ordered.
        private func compare(_ left: JSONValue?, _ comparison: Comparison, _ right: JSONValue?) -> Bool {
            switch comparison {
            case .equal: left == right
            case .notEqual: left != right
            case .less: isLess(left, right)
            case .lessOrEqual: isLess(left, right) || left == right
            case .greater: isLess(right, left)
            case .greaterOrEqual: isLess(right, left) || left == right
            }
        }

        private func isLess(_ left: JSONValue?, _ right: JSONValue?) -> Bool {
            switch (left, right) {
            case (.number(let left)?, .number(let right)?):
                left < right
            case (.string(let left)?, .string(let right)?):
                // UTF-8 byte order is Unicode scalar order, which RFC 9535 prescribes; String's `<` is not.
                left.utf8.lexicographicallyPrecedes(right.utf8)
            default:
                false
            }
        }
    }
}
