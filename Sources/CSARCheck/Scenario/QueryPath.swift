/// A JSONPath or XPath as a scenario file writes it. Without `{{ variables }}` it is compiled as the file
/// loads, so `validate` finds mistakes; with them — `//select[@name='{{ region_field }}']/option`,
/// `$.errors['{{ email_field }}']` — it is rendered and compiled when the step runs.
public struct QueryPath<Compiled: Sendable>: Sendable, CustomStringConvertible {
    /// The text as written, placeholders included.
    public let source: String
    private let compiled: Compiled?
    private let template: Template?
    private let compile: @Sendable (String) throws -> Compiled

    /// A query without variables, compiled once.
    init(source: String, compiled: Compiled, compile: @escaping @Sendable (String) throws -> Compiled) {
        self.source = source
        self.compiled = compiled
        template = nil
        self.compile = compile
    }

    /// A query holding variables, compiled once they are rendered.
    init(template: Template, compile: @escaping @Sendable (String) throws -> Compiled) {
        source = template.source
        compiled = nil
        self.template = template
        self.compile = compile
    }

    /// The compiled query, its variables rendered; or why it cannot be had (an undefined variable, or the
    /// rendered text is not a valid query).
    public func resolved(_ render: (Template) throws(UndefinedVariable) -> String) -> Result<Compiled, QueryPathError> {
        if let compiled { return .success(compiled) }
        guard let template else { return .failure(QueryPathError(message: "\(source): nothing to compile")) }
        let text: String
        do {
            text = try render(template)
        } catch {
            return .failure(QueryPathError(message: "\(source): undefined variable '\(error.name)'"))
        }
        do {
            return .success(try compile(text))
        } catch {
            return .failure(QueryPathError(message: "\(source) rendered as \(text) is not valid: \(error)"))
        }
    }

    /// The text with its variables rendered, for messages; the source when one is undefined.
    public func text(_ render: (Template) throws(UndefinedVariable) -> String) -> String {
        guard let template, let rendered = try? render(template) else { return source }
        return rendered
    }

    public var description: String { source }
}

/// Why a templated query could not be compiled when its step ran.
public struct QueryPathError: Error, Sendable, Equatable {
    public var message: String
}
