// Filter expressions (RFC 9535 §2.3.5) and the function type rules (§2.4.3), checked while parsing so that
// ill-typed queries such as `count(1)` or `@.* == 1` are rejected at compile time.

extension JSONPathParser {
    typealias LogicalExpression = JSONPath.LogicalExpression
    typealias Operand = JSONPath.Operand
    typealias FunctionCall = JSONPath.FunctionCall
    typealias FunctionArgument = JSONPath.FunctionArgument

    private static let maxNesting = 128

    /// A query, literal or function call whose role is not known yet: `@.a` is a test in `?@.a` but a
    /// comparison operand in `?@.a == 1`, and a bare literal is only allowed as a comparison operand or argument.
    enum RawOperand {
        case literal(JSONValue)
        case query(JSONPath.Query)
        case function(FunctionCall)
    }

    /// A parsed fragment of a filter expression: either already a logical expression, or a lone operand.
    enum Fragment {
        case logical(LogicalExpression)
        case operand(RawOperand, offset: Int)
    }

    /// The condition after `?` in a filter selector.
    mutating func parseFilterCondition() throws(JSONPathError) -> LogicalExpression {
        try logical(from: parseLogicalOr())
    }

    // MARK: - Logical operators, from lowest to highest precedence: ||, &&, !

    private mutating func parseLogicalOr() throws(JSONPathError) -> Fragment {
        nesting += 1
        defer { nesting -= 1 }
        guard nesting <= Self.maxNesting else {
            throw error("filter expression nested more than \(Self.maxNesting) levels deep")
        }
        let first = try parseLogicalAnd()
        var alternatives: [LogicalExpression] = []
        while consumeOperator("||") {
            if alternatives.isEmpty {
                alternatives.append(try logical(from: first))
            }
            skipWhitespace()
            alternatives.append(try logical(from: parseLogicalAnd()))
        }
        return alternatives.isEmpty ? first : .logical(.or(alternatives))
    }

    private mutating func parseLogicalAnd() throws(JSONPathError) -> Fragment {
        let first = try parseBasicExpression()
        var requirements: [LogicalExpression] = []
        while consumeOperator("&&") {
            if requirements.isEmpty {
                requirements.append(try logical(from: first))
            }
            skipWhitespace()
            requirements.append(try logical(from: parseBasicExpression()))
        }
        return requirements.isEmpty ? first : .logical(.and(requirements))
    }

    /// A parenthesized expression, a negated test, a comparison, or a lone operand.
    private mutating func parseBasicExpression() throws(JSONPathError) -> Fragment {
        if consume("!") {
            skipWhitespace()
            if peek() == "(" {
                return .logical(.not(try parseParenthesized()))
            }
            let offset = position
            let operand = try parseOperand()
            if case .literal = operand {
                throw error(
                    "'!' must be followed by a query, a function call or a parenthesized expression",
                    at: offset)
            }
            return .logical(.not(try logical(from: .operand(operand, offset: offset))))
        }
        if peek() == "(" {
            return .logical(try parseParenthesized())
        }
        let leftOffset = position
        let left = try parseOperand()
        guard let comparison = try parseComparisonOperator() else {
            return .operand(left, offset: leftOffset)
        }
        skipWhitespace()
        let rightOffset = position
        let right = try parseOperand()
        return .logical(
            .comparison(
                try comparisonOperand(left, at: leftOffset),
                comparison,
                try comparisonOperand(right, at: rightOffset)
            ))
    }

    private mutating func parseParenthesized() throws(JSONPathError) -> LogicalExpression {
        position += 1
        skipWhitespace()
        let inner = try logical(from: parseLogicalOr())
        skipWhitespace()
        guard consume(")") else {
            throw unexpected(expected: "')'")
        }
        return inner
    }

    /// Consumes optional whitespace and `op`, or nothing at all if `op` does not follow.
    private mutating func consumeOperator(_ op: String) -> Bool {
        let start = position
        skipWhitespace()
        if consume(op) {
            return true
        }
        position = start
        return false
    }

    private mutating func parseComparisonOperator() throws(JSONPathError) -> JSONPath.Comparison? {
        // Two-character operators first, so that "<=" is not read as "<".
        for comparison in [
            JSONPath.Comparison.equal, .notEqual, .lessOrEqual, .greaterOrEqual, .less, .greater,
        ]
        where consumeOperator(comparison.rawValue) {
            return comparison
        }
        let start = position
        skipWhitespace()
        if peek() == "=" {
            throw error("'=' is not an operator; use '==' to compare")
        }
        position = start
        return nil
    }

    // MARK: - Operands

    /// A query (`@...` or `$...`), a literal, or a function call.
    private mutating func parseOperand() throws(JSONPathError) -> RawOperand {
        guard let next = peek() else {
            throw unexpected(expected: "a query, a literal or a function call")
        }
        switch next {
        case "@", "$":
            position += 1
            return .query(JSONPath.Query(root: next == "@" ? .currentNode : .document, segments: try parseSegments()))
        case "'", "\"":
            return .literal(.string(try parseStringLiteral()))
        case "-", "0"..."9":
            return .literal(.number(try parseNumberLiteral()))
        case "a"..."z":
            let start = position
            let name = parseFunctionName()
            if peek() == "(" {
                return .function(try parseFunctionCall(named: name, at: start))
            }
            switch name {
            case "true": return .literal(.bool(true))
            case "false": return .literal(.bool(false))
            case "null": return .literal(.null)
            default:
                skipWhitespace()
                if peek() == "(" {
                    throw error("no whitespace is allowed between a function name and '('", at: start + name.count)
                }
                throw error(
                    "unknown name '\(name)'; expected true, false, null or a function call such as "
                        + "length(@.name)", at: start)
            }
        default:
            throw unexpected(expected: "a query, a literal or a function call")
        }
    }

    /// function-name: a lowercase letter, then lowercase letters, digits and underscores.
    private mutating func parseFunctionName() -> String {
        var name = String.UnicodeScalarView()
        while let next = peek(), ("a"..."z").contains(next) || isDigit(next) || next == "_" {
            name.append(next)
            position += 1
        }
        return String(name)
    }

    /// number = (int / "-0") [ frac ] [ exp ], e.g. `-1`, `0.5`, `1e3`, `2.5E-4`.
    private mutating func parseNumberLiteral() throws(JSONPathError) -> Double {
        let start = position
        _ = consume("-")
        guard let first = peek(), isDigit(first) else {
            throw unexpected(expected: "a digit after '-'")
        }
        if first == "0", let next = peek(offset: 1), isDigit(next) {
            throw error("leading zeros are not allowed in numbers", at: start)
        }
        skipDigits()
        if consume(".") {
            try requireDigits(after: "'.'")
        }
        if consume("e") || consume("E") {
            _ = consume("+") || consume("-")
            try requireDigits(after: "the exponent marker")
        }
        let text = String(String.UnicodeScalarView(scalars[start..<position]))
        guard let number = Double(text), number.isFinite else {
            throw error("number out of range", at: start)
        }
        return number
    }

    private mutating func requireDigits(after what: String) throws(JSONPathError) {
        guard let next = peek(), isDigit(next) else {
            throw unexpected(expected: "a digit after \(what)")
        }
        skipDigits()
    }

    private mutating func skipDigits() {
        while let next = peek(), isDigit(next) {
            position += 1
        }
    }

    private func peek(offset: Int) -> Unicode.Scalar? {
        position + offset < scalars.count ? scalars[position + offset] : nil
    }

    // MARK: - Function calls

    private mutating func parseFunctionCall(
        named name: String, at start: Int
    ) throws(JSONPathError)
        -> FunctionCall
    {
        guard let function = JSONPath.Function(rawValue: name) else {
            let known = JSONPath.Function.allCases.map(\.rawValue).joined(separator: ", ")
            throw error("unknown function '\(name)'; available functions are \(known)", at: start)
        }
        position += 1
        skipWhitespace()
        var arguments: [(fragment: Fragment, offset: Int)] = []
        if !consume(")") {
            while true {
                let offset = position
                arguments.append((try parseLogicalOr(), offset))
                skipWhitespace()
                if consume(")") {
                    break
                }
                guard consume(",") else {
                    throw unexpected(expected: "',' or ')' in the arguments of \(name)()")
                }
                skipWhitespace()
            }
        }
        let parameterTypes = function.parameterTypes
        guard arguments.count == parameterTypes.count else {
            let expected = parameterTypes.count == 1 ? "1 argument" : "\(parameterTypes.count) arguments"
            throw error("\(name)() takes \(expected), but \(arguments.count) given", at: start)
        }
        var typedArguments: [FunctionArgument] = []
        for (index, (argument, type)) in zip(arguments, parameterTypes).enumerated() {
            let role = "argument \(index + 1) of \(name)()"
            typedArguments.append(try functionArgument(argument.fragment, at: argument.offset, as: type, role: role))
        }
        precompileRegex(function, typedArguments)
        return FunctionCall(function: function, arguments: typedArguments)
    }

    /// Compiles a pattern written as a string literal now, so evaluation does not compile it per document.
    private mutating func precompileRegex(_ function: JSONPath.Function, _ arguments: [FunctionArgument]) {
        guard function == .match || function == .search,
            case .value(.literal(.string(let pattern))) = arguments[1]
        else {
            return
        }
        let key = IRegexp.Key(pattern: pattern, wholeString: function == .match)
        if regexes[key] == nil {
            regexes[key] = IRegexp(pattern, wholeString: key.wholeString)
        }
    }

    // MARK: - Type rules

    /// Converts an argument to its parameter's declared type, or explains why it cannot be (RFC 9535 §2.4.3).
    private func functionArgument(
        _ fragment: Fragment, at offset: Int, as type: JSONPath.FunctionType,
        role: String
    ) throws(JSONPathError) -> FunctionArgument {
        switch type {
        case .value:
            guard case .operand(let operand, _) = fragment else {
                throw error(
                    "\(role) must be a value (a literal, a singular query or a function returning a value), "
                        + "not a logical expression", at: offset)
            }
            return .value(try valueOperand(operand, at: offset, role: role))
        case .nodes:
            guard case .operand(.query(let query), _) = fragment else {
                throw error("\(role) must be a query, e.g. @.items[*]", at: offset)
            }
            return .nodes(query)
        case .logical:
            return .logical(try logical(from: fragment))
        }
    }

    private func comparisonOperand(_ operand: RawOperand, at offset: Int) throws(JSONPathError) -> Operand {
        try valueOperand(operand, at: offset, role: "a comparison operand")
    }

    /// A ValueType operand: a literal, a singular query, or a function whose result is ValueType.
    private func valueOperand(
        _ operand: RawOperand, at offset: Int, role: String
    ) throws(JSONPathError)
        -> Operand
    {
        switch operand {
        case .literal(let value):
            return .literal(value)
        case .query(let query):
            guard query.isSingular else {
                throw error(
                    "\(role) must be a singular query (only names and indices, e.g. @.a[0]), "
                        + "but this query can select several nodes", at: offset)
            }
            return .singularQuery(query)
        case .function(let call):
            guard call.function.resultType == .value else {
                throw error(
                    "\(role) must be a value, but \(call.function.rawValue)() returns "
                        + "\(describe(call.function.resultType)); use it as a condition on its own", at: offset)
            }
            return .function(call)
        }
    }

    /// Interprets a fragment as a condition: queries test for existence, functions must return LogicalType.
    private func logical(from fragment: Fragment) throws(JSONPathError) -> LogicalExpression {
        switch fragment {
        case .logical(let expression):
            return expression
        case .operand(.query(let query), _):
            return .exists(query)
        case .operand(.function(let call), let offset):
            let name = call.function.rawValue
            guard call.function.resultType == .logical else {
                throw error(
                    "\(name)() returns \(describe(call.function.resultType)), which cannot be a condition "
                        + "on its own; compare it, e.g. \(name)(...) > 0", at: offset)
            }
            return .test(call)
        case .operand(.literal, let offset):
            throw error("a literal cannot be a condition on its own; compare it, e.g. @.active == true", at: offset)
        }
    }

    private func describe(_ type: JSONPath.FunctionType) -> String {
        switch type {
        case .value: "a value (ValueType)"
        case .logical: "true or false (LogicalType)"
        case .nodes: "a nodelist (NodesType)"
        }
    }
}
