import Foundation

/// Turns a step into a concrete request: templates rendered, URL joined to the base, body encoded.
struct RequestBuilder {
    let variables: VariableStore
    let baseURL: String
    /// Folder of the scenario file, for relative attachment paths.
    let scenarioFolder: String
    /// `--allow-origin`: origins besides the base URL's that may receive the run's credentials.
    var allowedOrigins: [Origin] = []

    func request(for step: Step) throws(UndefinedVariable) -> HTTPRequest {
        var url = Self.join(baseURL, try variables.render(step.url))
        if !step.query.isEmpty {
            var fields: [(name: String, value: String)] = []
            for item in step.query {
                fields.append((try variables.render(item.name), try variables.render(item.value)))
            }
            url += (url.contains("?") ? "&" : "?") + FormEncoding.encode(fields)
        }
        return HTTPRequest(
            method: step.method, url: url, headers: try headers(for: step), body: try body(of: step),
            followRedirects: step.followRedirects, maxRedirects: step.maxRedirects, totalTimeout: step.timeout,
            compressed: step.compressed
        )
    }

    /// The step's headers (with the file's defaults), rendered.
    func headers(for step: Step) throws(UndefinedVariable) -> [HTTPHeader] {
        var headers: [HTTPHeader] = []
        for header in step.headers { headers.append(HTTPHeader(header.name, try variables.render(header.value))) }
        return headers
    }

    /// A file the step attaches, its path rendered: where it is read from, and the name the server is told
    /// (`filename`, else the file's own name).
    func attachedFile(_ path: Template, filename: String?) throws(UndefinedVariable) -> (path: String, filename: String)
    {
        let rendered = try variables.render(path)
        return (
            MultipartField.resolvedPath(rendered, scenarioFolder: scenarioFolder),
            filename ?? URL(fileURLWithPath: rendered).lastPathComponent
        )
    }

    private func body(of step: Step) throws(UndefinedVariable) -> HTTPBody {
        switch step.body {
        case .none:
            return .none
        case .form(let fields):
            var rendered: [(name: String, value: String)] = []
            for field in fields {
                rendered.append((try variables.render(field.name), try variables.render(field.value)))
            }
            return .bytes(Array(FormEncoding.encode(rendered).utf8), contentType: "application/x-www-form-urlencoded")
        case .json(let template):
            return .bytes(
                Array(try JSONRendering.text(template, variables: variables).utf8), contentType: "application/json")
        case .raw(let template, let contentType):
            return .bytes(Array(try variables.render(template).utf8), contentType: contentType)
        case .multipart(let fields):
            var parts: [MultipartPart] = []
            for field in fields {
                let fieldName = try variables.render(field.name)
                switch field.value {
                case .text(let template):
                    parts.append(MultipartPart(name: fieldName, content: .text(try variables.render(template))))
                case .file(let pathTemplate, let filename, let contentType):
                    let file = try attachedFile(pathTemplate, filename: filename)
                    parts.append(
                        MultipartPart(
                            name: fieldName,
                            content: .file(path: file.path, filename: file.filename, contentType: contentType)
                        ))
                }
            }
            return .multipart(parts)
        }
    }

    /// Joins a relative URL to the base, keeping the base's path prefix (a site served under `/csar`).
    static func join(_ base: String, _ url: String) -> String {
        if url.contains("://") { return url }
        let trimmedBase = base.hasSuffix("/") ? String(base.dropLast()) : base
        if url.isEmpty { return trimmedBase + "/" }
        return trimmedBase + (url.hasPrefix("/") ? url : "/" + url)
    }
}

/// Serialises a JSON template with its strings rendered and escaped.
enum JSONRendering {
    static func text(_ template: JSONTemplate, variables: VariableStore) throws(UndefinedVariable) -> String {
        switch template {
        case .null: return "null"
        case .bool(let flag): return String(flag)
        case .number(let literal): return literal
        case .string(let string): return JSONValue.string(try variables.render(string)).jsonText
        case .array(let items):
            var parts: [String] = []
            for item in items { parts.append(try text(item, variables: variables)) }
            return "[" + parts.joined(separator: ",") + "]"
        case .object(let members):
            var parts: [String] = []
            for member in members {
                parts.append(
                    JSONValue.string(member.key).jsonText + ":" + (try text(member.value, variables: variables)))
            }
            return "{" + parts.joined(separator: ",") + "}"
        }
    }
}
