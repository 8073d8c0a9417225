/// What a step sends as its request body.
public enum StepBody: Sendable {
    case none
    /// `application/x-www-form-urlencoded` fields, in order.
    case form([(name: Template, value: Template)])
    case multipart([MultipartField])
    case json(JSONTemplate)
    /// Sent as written, with an optional content type.
    case raw(Template, contentType: String?)
}

/// A `multipart/form-data` field: text, or a file read when the step runs.
public struct MultipartField: Sendable {
    public enum Value: Sendable {
        case text(Template)
        /// `path` is relative to the scenario file's folder unless absolute.
        case file(path: Template, filename: String?, contentType: String?)
    }

    public var name: Template
    public var value: Value

    /// Where an attached file is read from: `path` when absolute, else relative to the scenario file's folder.
    static func resolvedPath(_ path: String, scenarioFolder: String) -> String {
        path.hasPrefix("/") ? path : scenarioFolder + "/" + path
    }
}

/// A JSON document written in YAML whose strings may hold `{{ placeholders }}`.
public indirect enum JSONTemplate: Sendable {
    case null
    case bool(Bool)
    /// The number as written, so `1` stays `1` and `1.50` stays `1.50`.
    case number(String)
    case string(Template)
    case array([JSONTemplate])
    case object([(key: String, value: JSONTemplate)])

    /// Every template inside, for checking variable names.
    var templates: [Template] {
        switch self {
        case .null, .bool, .number: []
        case .string(let template): [template]
        case .array(let items): items.flatMap(\.templates)
        case .object(let members): members.flatMap(\.value.templates)
        }
    }
}
