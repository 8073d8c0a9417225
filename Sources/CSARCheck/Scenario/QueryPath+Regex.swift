extension QueryPath where Compiled == RegexPattern {
    /// A regular expression as a file writes it: its syntax checked now, with each `{{ placeholder }}` as `x`;
    /// one without variables compiled now, one with them compiled once they are rendered (their values go in
    /// as regular-expression text, not escaped). Also returns its number of capture groups.
    public static func regex(_ text: String) throws(RegexSyntaxError) -> (path: QueryPath<RegexPattern>, groups: Int) {
        let template: Template
        do {
            template = try Template(parsing: text)
        } catch {
            throw RegexSyntaxError(message: error.message)
        }
        let probe = template.parts.map { part in
            if case .literal(let text) = part { text } else { "x" }
        }.joined()
        let groups = try RegexPattern.check(probe, shownAs: text)
        let compile: @Sendable (String) throws -> RegexPattern = { try RegexPattern($0) }
        guard template.variableNames.isEmpty else { return (QueryPath(template: template, compile: compile), groups) }
        return (QueryPath(source: text, compiled: try RegexPattern(text), compile: compile), groups)
    }
}
