/// Evaluates predicates against selected values and explains failures as "expected …, got …".
struct PredicateEvaluator {
    /// Renders `{{ variables }}` in expected strings.
    let render: (Template) throws(UndefinedVariable) -> String
    /// Makes a value fit for a message: masked first, then shortened so a large body does not flood the output.
    var show: (String) -> String = { $0.count > 200 ? String($0.prefix(200)) + "…" : $0 }

    /// Nil when every condition holds; otherwise the first failure.
    func failure(of predicate: Predicate, on values: [JSONValue]) -> CheckFailure? {
        for condition in predicate.conditions {
            if let failure = failure(of: condition, on: values) { return failure }
        }
        return nil
    }

    private func failure(of condition: Condition, on values: [JSONValue]) -> CheckFailure? {
        switch condition {
        case .exists(let expected):
            return (!values.isEmpty) == expected
                ? nil
                : CheckFailure(
                    expected: expected ? "exists" : "absent", actual: values.isEmpty ? "nothing" : show(values))
        case .count(let predicate):
            let count = Self.elements(of: values).count
            guard let inner = failure(of: predicate, on: [.number(Double(count))]) else { return nil }
            return CheckFailure(expected: "count \(inner.expected)", actual: "count \(count)")
        case .each(let predicate):
            for (index, element) in Self.elements(of: values).enumerated() {
                if let inner = failure(of: predicate, on: [element]) {
                    return CheckFailure(expected: "each \(inner.expected)", actual: "[\(index)] is \(inner.actual)")
                }
            }
            return nil
        case .unique(let expected):
            let elements = Self.elements(of: values)
            let duplicate = elements.enumerated().first { index, element in elements[..<index].contains(element) }
            if (duplicate == nil) == expected { return nil }
            return CheckFailure(
                expected: expected ? "unique values" : "a repeated value",
                actual: duplicate.map { "\(show([$0.element])) repeated" } ?? "all unique")
        default:
            return singleValueFailure(of: condition, on: values)
        }
    }

    private func singleValueFailure(of condition: Condition, on values: [JSONValue]) -> CheckFailure? {
        let expectation = describe(condition)
        guard values.count == 1, let actual = values.first else {
            let got =
                values.isEmpty ? "nothing selected" : "\(values.count) values \(show(values)) (use each: or count:)"
            return CheckFailure(expected: expectation, actual: got)
        }
        return holds(condition, for: actual) ? nil : CheckFailure(expected: expectation, actual: show([actual]))
    }

    private func holds(_ condition: Condition, for actual: JSONValue) -> Bool {
        switch condition {
        case .equals(let expected): return ValueComparison.equal(actual, value(of: expected))
        case .notEquals(let expected): return !ValueComparison.equal(actual, value(of: expected))
        case .compare(let op, let expected): return ValueComparison.compare(actual, op, value(of: expected))
        case .matches(let pattern):
            return (try? pattern.resolved(render).get())?.matches(ValueComparison.text(actual)) ?? false
        case .notMatches(let pattern):
            return !((try? pattern.resolved(render).get())?.matches(ValueComparison.text(actual)) ?? true)
        case .contains(let template): return ValueComparison.contains(actual, renderOrRaw(template))
        case .notContains(let template): return !ValueComparison.contains(actual, renderOrRaw(template))
        case .type(let name): return actual.typeName == name
        case .inRange(let lower, let upper):
            guard let number = ValueComparison.number(actual) else { return false }
            return number >= lower && number <= upper
        case .oneOf(let options): return options.contains { ValueComparison.equal(actual, value(of: $0)) }
        case .exists, .count, .each, .unique: return true
        }
    }

    /// The elements a collection condition ranges over: the members of a single selected array or
    /// object, or else the selected values themselves.
    static func elements(of values: [JSONValue]) -> [JSONValue] {
        guard values.count == 1 else { return values }
        switch values[0] {
        case .array(let items): return items
        case .object(let object): return object.values
        default: return values
        }
    }

    func describe(_ condition: Condition) -> String {
        switch condition {
        case .equals(let expected): "== \(shown(expected))"
        case .notEquals(let expected): "!= \(shown(expected))"
        case .compare(let op, let expected): "\(op.symbol) \(shown(expected))"
        case .matches(let pattern): "matches /\(pattern.text(render))/"
        case .notMatches(let pattern): "does not match /\(pattern.text(render))/"
        case .contains(let template): "contains \"\(renderOrRaw(template))\""
        case .notContains(let template): "does not contain \"\(renderOrRaw(template))\""
        case .exists(let flag): flag ? "exists" : "absent"
        case .type(let name): "of type \(name)"
        case .inRange(let lower, let upper):
            "in [\(NumberFormatting.shortest(lower)), \(NumberFormatting.shortest(upper))]"
        case .oneOf(let options): "one of \(options.map(shown).joined(separator: ", "))"
        case .count: "count"
        case .each: "each"
        case .unique: "unique"
        }
    }

    private func value(of expected: ExpectedValue) -> JSONValue {
        switch expected {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .number(let number): .number(number)
        case .string(let template): .string(renderOrRaw(template))
        }
    }

    /// An expected value as messages show it: its variables filled in (`>= 30`, not `>= "{{ days }}"`), a
    /// rendered number without quotes.
    private func shown(_ expected: ExpectedValue) -> String {
        guard case .string(let template) = expected, !template.variableNames.isEmpty else {
            return expected.description
        }
        return value(of: expected).displayText(numbersBare: true)
    }

    private func renderOrRaw(_ template: Template) -> String {
        (try? render(template)) ?? template.source
    }

    /// Values as shown in messages, through `show`.
    private func show(_ values: [JSONValue]) -> String {
        show(values.count == 1 ? values[0].displayText : "[" + values.map(\.displayText).joined(separator: ", ") + "]")
    }
}

extension JSONValue {
    /// Strings quoted, numbers as people write them, containers as compact JSON.
    var displayText: String { displayText(numbersBare: false) }

    /// As `displayText`, numeric text shown as the number it compares as when `numbersBare`.
    func displayText(numbersBare: Bool) -> String {
        switch self {
        case .string(let text) where numbersBare && Double(text) != nil: text
        case .string(let text): "\"\(text)\""
        case .number(let number): NumberFormatting.shortest(number)
        default: jsonText
        }
    }
}
