import Yams

/// Reads a step's `submit_form:` (see `FormSubmission`), checking selectors and XPath that hold no
/// variables as the file loads, so `validate` finds their mistakes.
enum FormSubmissionLoading {
    static let keys = [
        "selector", "xpath", "action", "index", "fields", "add", "remove", "files", "button", "novalidate",
    ]
    static let selectorKeys = ["selector", "xpath", "action"]
    /// Step keys the form decides, which a step that submits a form cannot set.
    static let formDecidedStepKeys = ["method", "url", "query", "form", "multipart", "json", "body", "content_type"]

    static func submission(
        _ step: MappingFields, stepIndex: Int, scope: VariableScope
    ) throws(ScenarioError) -> FormSubmission? {
        guard let node = step.value("submit_form") else { return nil }
        let reader = step.reader
        let path = step.keyPath("submit_form")
        if let clash = formDecidedStepKeys.first(where: { step.value($0) != nil }) {
            throw reader.error(
                at: step.value(clash), key: step.keyPath(clash),
                "'\(clash)' cannot go with 'submit_form': the form gives the method, URL and body; "
                    + "set fields under submit_form.fields")
        }
        if stepIndex == 0 {
            throw reader.error(
                at: node, key: path,
                "'submit_form' submits a form of the previous step's response, and this is the first step; "
                    + "add a step that loads the page first")
        }
        let spec = try MappingFields(node, path: path, known: keys, reader: reader)
        var submission = FormSubmission(
            selector: try selector(spec, scope: scope), index: try spec.integer("index", in: 0...10_000),
            fields: try fieldValues(spec, key: "fields", scope: scope), remove: try removed(spec, scope: scope),
            files: try files(spec, scope: scope), button: try button(spec, scope: scope),
            location: step.location("submit_form"), key: path
        )
        submission.sourceLine = reader.sourceLine(submission.location)
        submission.additions = try fieldValues(spec, key: "add", scope: scope)
        submission.noValidate = try spec.bool("novalidate") ?? false
        let setNames = Set(submission.fields.map(\.name.source))
        if let removedNode = spec.value("remove"),
            let both = submission.remove.first(where: { setNames.contains($0.source) })
        {
            throw reader.error(
                at: removedNode, key: spec.keyPath("remove"),
                "'\(both.source)' is both set under 'fields' and listed under 'remove'")
        }
        if let addedNode = spec.value("add"),
            let both = submission.additions.first(where: { setNames.contains($0.name.source) })
        {
            throw reader.error(
                at: addedNode, key: spec.keyPath("add"),
                "'\(both.name.source)' is both under 'fields' and under 'add': 'fields' fills a field the form "
                    + "has, 'add' sends one it does not have")
        }
        return submission
    }

    private static func selector(
        _ spec: MappingFields, scope: VariableScope
    ) throws(ScenarioError) -> FormSubmission.Selector {
        let reader = spec.reader
        let given = selectorKeys.filter { spec.value($0) != nil }
        if given.count > 1 {
            throw reader.error(
                at: spec.value(given[1]), key: spec.keyPath(given[1]),
                "choose the form one way: '\(given[0])' and '\(given[1])' are both set")
        }
        guard let key = given.first, let node = spec.value(key) else { return .only }
        let template = try scope.template(node, key: spec.keyPath(key))
        let literal = template.variableNames.isEmpty
        switch key {
        case "selector":
            if literal {
                do {
                    _ = try CSSSelector(parsing: template.source)
                } catch {
                    throw reader.error(
                        at: node, key: spec.keyPath(key), "invalid selector '\(template.source)': \(error)")
                }
            }
            return .css(template)
        case "xpath":
            if literal {
                _ = try QueryCompiling.xPath(template.source, at: node, key: spec.keyPath(key), reader: reader)
            }
            return .xpath(template)
        default:
            return .action(template)
        }
    }

    /// `name: value` or `name: [value, value]` under `key` (`fields` or `add`); a null value is refused (YAML
    /// reads `name:` as null).
    private static func fieldValues(
        _ spec: MappingFields, key fieldsKey: String, scope: VariableScope
    ) throws(ScenarioError) -> [(name: Template, values: [Template])] {
        guard let node = spec.value(fieldsKey) else { return [] }
        let reader = spec.reader
        let entries = try MappingFields(node, path: spec.keyPath(fieldsKey), known: [], reader: reader)
        var result: [(name: Template, values: [Template])] = []
        for (name, keyNode, value) in entries.all {
            let key = entries.keyPath(name)
            let nameTemplate = try scope.template(keyNode, key: key)
            if case .scalar(let scalar) = value, scalar.style == .plain, value.null != nil {
                throw reader.error(
                    at: value, key: key,
                    "no value: write \"\" to send the field empty, or list it under 'remove' not to send it")
            }
            result.append((nameTemplate, try scope.templates(oneOrMany: value, key: key)))
        }
        return result
    }

    private static func removed(_ spec: MappingFields, scope: VariableScope) throws(ScenarioError) -> [Template] {
        guard let node = spec.value("remove") else { return [] }
        return try scope.templates(oneOrMany: node, key: spec.keyPath("remove"))
    }

    /// `name: path` or `name: { file: path, filename: …, content_type: … }`, as under `multipart:`.
    private static func files(_ spec: MappingFields, scope: VariableScope) throws(ScenarioError) -> [MultipartField] {
        guard let node = spec.value("files") else { return [] }
        let reader = spec.reader
        let entries = try MappingFields(node, path: spec.keyPath("files"), known: [], reader: reader)
        var result: [MultipartField] = []
        for (name, keyNode, value) in entries.all {
            let key = entries.keyPath(name)
            let nameTemplate = try scope.template(keyNode, key: key)
            if case .mapping = value {
                result.append(
                    MultipartField(name: nameTemplate, value: try BodyLoading.fileSpec(value, key: key, scope: scope)))
            } else {
                let path = try scope.template(value, key: key)
                try BodyLoading.checkAttachment(path, at: value, key: key, reader: reader)
                result.append(
                    MultipartField(name: nameTemplate, value: .file(path: path, filename: nil, contentType: nil)))
            }
        }
        return result
    }

    /// A button's name or label, or `false` for none.
    private static func button(
        _ spec: MappingFields, scope: VariableScope
    ) throws(ScenarioError) -> FormSubmission.Button {
        guard let node = spec.value("button") else { return .first }
        if case .scalar(let scalar) = node, scalar.style == .plain, let flag = node.bool {
            guard !flag else {
                throw spec.reader.error(
                    at: node, key: spec.keyPath("button"),
                    "write the button's name or label, or false to click none")
            }
            return .noButton
        }
        let template = try scope.template(node, key: spec.keyPath("button"))
        return .named(template)
    }
}
