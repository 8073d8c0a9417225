import Foundation
import Yams

/// Reads a step's body: exactly one of `form`, `multipart`, `json` or `body` (raw, with `content_type`).
enum BodyLoading {
    static func body(_ fields: MappingFields, scope: VariableScope) throws(ScenarioError) -> StepBody {
        let reader = fields.reader
        let given = StepLoading.bodyKeys.filter { fields.value($0) != nil }
        if given.count > 1 {
            throw reader.error(
                at: fields.value(given[1]), key: fields.keyPath(given[1]),
                "a step has one body: '\(given[0])' and '\(given[1])' are both set")
        }
        if fields.value("content_type") != nil, given.first != "body" {
            throw reader.error(
                at: fields.value("content_type"), key: fields.keyPath("content_type"),
                "'content_type' goes with a raw 'body'")
        }
        switch given.first {
        case "form":
            return .form(try StepLoading.namedTemplates(fields, key: "form", scope: scope))
        case "multipart":
            return .multipart(try multipart(fields, scope: scope))
        case "json":
            let node = try fields.required("json")
            let template = try json(node, key: fields.keyPath("json"), reader: reader)
            for part in template.templates { try scope.check(part, at: node, key: fields.keyPath("json")) }
            return .json(template)
        case "body":
            let node = try fields.required("body")
            let template = try scope.template(node, key: fields.keyPath("body"))
            let contentType = try fields.string("content_type")
            if let contentType, let problem = HTTPRequest.headerProblem(name: "Content-Type", value: contentType) {
                throw reader.error(at: fields.value("content_type"), key: fields.keyPath("content_type"), problem)
            }
            return .raw(template, contentType: contentType)
        default:
            return .none
        }
    }

    /// `name: text` or `name: { file: path, filename: …, content_type: … }`.
    private static func multipart(
        _ fields: MappingFields, scope: VariableScope
    ) throws(ScenarioError) -> [MultipartField] {
        let reader = fields.reader
        let entries = try MappingFields(
            try fields.required("multipart"), path: fields.keyPath("multipart"), known: [], reader: reader)
        var parts: [MultipartField] = []
        for (rawName, keyNode, value) in entries.all {
            let key = entries.keyPath(rawName)
            let name = try scope.template(keyNode, key: key)
            if case .mapping = value {
                parts.append(MultipartField(name: name, value: try fileSpec(value, key: key, scope: scope)))
            } else {
                let text = try scope.template(value, key: key)
                parts.append(MultipartField(name: name, value: .text(text)))
            }
        }
        return parts
    }

    /// `{ file: path, filename: …, content_type: … }`: a file read when the step runs, checked now when its
    /// path holds no variable.
    static func fileSpec(_ node: Node, key: String, scope: VariableScope) throws(ScenarioError) -> MultipartField.Value
    {
        let reader = scope.reader
        let spec = try MappingFields(node, path: key, known: ["file", "filename", "content_type"], reader: reader)
        let pathNode = try spec.required("file")
        let path = try scope.template(pathNode, key: spec.keyPath("file"))
        try checkAttachment(path, at: pathNode, key: spec.keyPath("file"), reader: reader)
        return .file(path: path, filename: try spec.string("filename"), contentType: try spec.string("content_type"))
    }

    /// Finds a missing attachment when the file loads rather than when the step runs; a path that holds
    /// a variable is known only then.
    static func checkAttachment(_ path: Template, at node: Node, key: String, reader: YAMLReader) throws(ScenarioError)
    {
        if path.variableNames.isEmpty, let problem = attachmentProblem(path.source, scenarioFile: reader.file) {
            throw reader.error(at: node, key: key, problem)
        }
    }

    /// Why an attachment cannot be sent. Relative paths start at the scenario file's folder, as when the
    /// step runs.
    static func attachmentProblem(_ path: String, scenarioFile: String) -> String? {
        let folder = URL(fileURLWithPath: scenarioFile).deletingLastPathComponent().path
        let resolved = MultipartField.resolvedPath(path, scenarioFolder: folder)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory) else {
            return "attachment not found: \(resolved) (a relative path starts at the scenario file's folder)"
        }
        if isDirectory.boolValue { return "the attachment \(resolved) is a folder, not a file" }
        if !FileManager.default.isReadableFile(atPath: resolved) { return "cannot read the attachment \(resolved)" }
        return nil
    }

    /// Converts a YAML tree into a JSON template, keeping scalar types as YAML resolved them.
    static func json(_ node: Node, key: String, reader: YAMLReader) throws(ScenarioError) -> JSONTemplate {
        switch node {
        case .scalar:
            switch ScalarReading.plainValue(node) {
            case .null: return .null
            case .bool(let flag): return .bool(flag)
            case .number(let text, _): return .number(text)
            case nil: return .string(try ScalarReading.template(node, key: key, reader: reader))
            }
        case .sequence(let sequence):
            var items: [JSONTemplate] = []
            for (index, item) in sequence.enumerated() {
                items.append(try json(item, key: "\(key)[\(index)]", reader: reader))
            }
            return .array(items)
        case .mapping:
            let entries = try MappingFields(node, path: key, known: [], reader: reader)
            var members: [(key: String, value: JSONTemplate)] = []
            for (name, _, value) in entries.all {
                members.append((name, try json(value, key: entries.keyPath(name), reader: reader)))
            }
            return .object(members)
        case .alias:
            throw reader.error(at: node, key: key, "YAML aliases are not supported in a JSON body")
        }
    }
}
