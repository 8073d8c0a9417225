import Yams

/// Reads `defaults:` and each entry of `steps:`.
enum StepLoading {
    static let stepKeys =
        [
            "name", "method", "url", "headers", "query", "form", "multipart", "json", "body", "content_type",
            "follow_redirects", "max_redirects", "timeout", "compressed", "retry", "capture", "expect", "warn",
            "submit_form", "tags", "when", "hint", "for_each",
        ] + SideEffectStep.keys + CriteriaLoading.keys
    static let bodyKeys = ["form", "multipart", "json", "body"]
    static let methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

    static func defaults(_ node: Node?, scope: VariableScope, reader: YAMLReader) throws(ScenarioError) -> StepDefaults
    {
        guard let node else { return StepDefaults() }
        let fields = try MappingFields(
            node, path: "defaults", known: ["headers", "timeout", "follow_redirects", "compressed"], reader: reader)
        return StepDefaults(
            headers: try headers(fields, scope: scope),
            timeout: try fields.duration("timeout"),
            followRedirects: try fields.bool("follow_redirects") ?? false,
            compressed: try fields.bool("compressed") ?? false
        )
    }

    static func step(
        _ node: Node, index: Int, defaults: StepDefaults, scope: inout VariableScope
    ) throws(ScenarioError) -> Step {
        let reader = scope.reader
        let path = "steps[\(index)]"
        let fields = try MappingFields(node, path: path, known: stepKeys, reader: reader)
        let usedByStep = UsedNames()
        scope.usedByStep = usedByStep
        // `{{ item }}` is defined within a `for_each:` step only.
        let repeats = fields.value("for_each") != nil && !scope.isDefined(StepRepetition.variable)
        if repeats { scope.define(StepRepetition.variable) }
        defer {
            scope.usedByStep = nil
            if repeats { scope.forget(StepRepetition.variable) }
        }
        let condition = try fields.value("when").map { node throws(ScenarioError) in
            try scope.template(node, key: fields.keyPath("when"))
        }
        let submission = try FormSubmissionLoading.submission(fields, stepIndex: index, scope: scope)
        let sideEffect = try sideEffectStep(fields, submits: submission != nil, scope: scope)
        let sendsRequest = submission == nil && sideEffect == nil
        let method = sendsRequest ? (try fields.string("method") ?? "GET").uppercased() : ""
        guard !sendsRequest || methods.contains(method) else {
            throw reader.error(
                at: fields.value("method"), key: fields.keyPath("method"),
                "unknown method '\(method)'; use one of \(methods.joined(separator: ", "))")
        }
        var url = Template(literal: "")
        if sendsRequest {
            let urlNode = try fields.required("url")
            url = try ScalarReading.url(urlNode, key: fields.keyPath("url"), reader: reader)
            try scope.check(url, at: urlNode, key: fields.keyPath("url"))
        }
        let body = try BodyLoading.body(fields, scope: scope)
        if case .none = body {
        } else if method == "GET" || method == "HEAD" {
            throw reader.error(at: node, key: path, "a \(method) request cannot carry a body")
        }
        var step = Step(
            name: try fields.string("name") ?? submission.map { "submit \($0.selectorDescription())" }
                ?? sideEffect?.defaultName ?? "\(method) \(url.source)",
            location: reader.location(of: node),
            method: method,
            url: url,
            headers: defaults.headers.filter { header in
                !fields.headerNames.contains { $0.caseInsensitiveEquals(header.name) }
            } + (try headers(fields, scope: scope)),
            query: try query(fields, scope: scope),
            body: body,
            followRedirects: try fields.bool("follow_redirects") ?? defaults.followRedirects,
            timeout: try fields.duration("timeout") ?? defaults.timeout,
            retry: try retry(fields),
            captures: [],
            assertions: []
        )
        if let maxRedirects = try fields.integer("max_redirects", in: 0...50) { step.maxRedirects = maxRedirects }
        step.submitForm = submission
        step.sideEffect = sideEffect
        step.compressed = try fields.bool("compressed") ?? defaults.compressed
        step.captures = try CaptureLoading.captures(
            fields.value("capture"), path: fields.keyPath("capture"), scope: &scope)
        step.criteria = try CriteriaLoading.criteria(fields)
        step.assertions = try AssertionLoading.assertions(
            fields.value("expect"), path: fields.keyPath("expect"), scope: scope)
        step.warnings = try AssertionLoading.assertions(
            fields.value("warn"), path: fields.keyPath("warn"), scope: scope)
        try checkTLSQueries(of: step, fields: fields)
        if let list = fields.value("for_each") {
            step.forEach = StepRepetition(
                items: try scope.template(list, key: fields.keyPath("for_each")),
                name: try fields.value("name").map { node throws(ScenarioError) in
                    try scope.template(node, key: fields.keyPath("name"))
                } ?? defaultRepetitionName(step.name))
        }
        step.tags = try TagLoading.tags(fields)
        step.condition = condition
        step.hint = try fields.value("hint").map { node throws(ScenarioError) in
            try scope.template(node, key: fields.keyPath("hint"))
        }
        step.usedVariables = usedByStep.names
        return step
    }

    /// A repeated step without a `name:` is named after its request (`GET {{ item }}`), or, when that does not
    /// say which item, after it and the item: every run of it gets a name of its own.
    private static func defaultRepetitionName(_ name: String) -> Template {
        let parsed = try? Template(parsing: name)
        if let parsed, parsed.variableNames.contains(StepRepetition.variable) { return parsed }
        return (try? Template(parsing: name + " ({{ \(StepRepetition.variable) }})")) ?? Template(literal: name)
    }

    /// `tls:` checks read what a `certificate:` step's handshake showed, and only that.
    private static func checkTLSQueries(of step: Step, fields: MappingFields) throws(ScenarioError) {
        let isCertificate = if case .certificate = step.sideEffect { true } else { false }
        for assertion in step.assertions + step.warnings {
            guard case .tls = assertion.query, !isCertificate else { continue }
            throw ScenarioError(
                location: assertion.location, key: assertion.key,
                message: "tls: checks read the certificate of a `certificate: URL` step; this step has none")
        }
    }

    /// The step's `mail:`, `sms:`, `subscribe:` or `expect_event:`: at most one, and then neither a form to
    /// submit nor the keys of a request.
    static func sideEffectStep(
        _ fields: MappingFields, submits: Bool, scope: VariableScope
    ) throws(ScenarioError) -> SideEffectStep? {
        let given = SideEffectStep.keys.filter { fields.value($0) != nil }
        guard let first = given.first else { return nil }
        let reader = fields.reader
        if given.count > 1 {
            throw reader.error(
                at: fields.value(given[1]), key: fields.keyPath(given[1]),
                "a step has one of \(SideEffectStep.keys.joined(separator: ", ")); this one has '\(first)' already")
        }
        if submits {
            throw reader.error(
                at: fields.value(first), key: fields.keyPath(first),
                "a step either submits a form or has '\(first)', not both")
        }
        if let clash = FormSubmissionLoading.formDecidedStepKeys.first(where: { fields.value($0) != nil }) {
            throw reader.error(
                at: fields.value(clash), key: fields.keyPath(clash),
                "'\(clash)' cannot go with '\(first)': such a step sends no request of its own")
        }
        if let mail = try MailWaitLoading.mail(fields, scope: scope) { return .mail(mail) }
        if let sms = try SMSWaitLoading.sms(fields, scope: scope) { return .sms(sms) }
        if let subscription = try RealtimeLoading.subscription(fields, scope: scope) { return .subscribe(subscription) }
        if let check = try CertificateCheckLoading.check(fields, scope: scope) { return .certificate(check) }
        return try RealtimeLoading.event(fields, scope: scope).map(SideEffectStep.event)
    }

    static func headers(_ fields: MappingFields, scope: VariableScope) throws(ScenarioError) -> [HeaderTemplate] {
        guard let node = fields.value("headers") else { return [] }
        let entries = try MappingFields(node, path: fields.keyPath("headers"), known: [], reader: fields.reader)
        var headers: [HeaderTemplate] = []
        for (name, keyNode, value) in entries.all {
            let key = entries.keyPath(name)
            let template = try scope.template(value, key: key)
            let literal = template.parts.map { if case .literal(let text) = $0 { text } else { "x" } }.joined()
            if let problem = HTTPRequest.headerProblem(name: name, value: literal) {
                throw fields.reader.error(at: HTTPRequest.isToken(name) ? value : keyNode, key: key, problem)
            }
            headers.append(HeaderTemplate(name: name, value: template))
        }
        return headers
    }

    static func query(
        _ fields: MappingFields, scope: VariableScope
    ) throws(ScenarioError) -> [(name: Template, value: Template)] {
        try namedTemplates(fields, key: "query", scope: scope)
    }

    /// A map of templated names to templated scalars (query parameters, form fields), in file order.
    /// Names may hold variables too, so a scenario can follow another framework's field names.
    static func namedTemplates(
        _ fields: MappingFields, key: String, scope: VariableScope
    ) throws(ScenarioError) -> [(name: Template, value: Template)] {
        guard let node = fields.value(key) else { return [] }
        let entries = try MappingFields(node, path: fields.keyPath(key), known: [], reader: fields.reader)
        var result: [(name: Template, value: Template)] = []
        for (name, keyNode, value) in entries.all {
            let nameTemplate = try scope.template(keyNode, key: entries.keyPath(name))
            let template = try scope.template(value, key: entries.keyPath(name))
            result.append((nameTemplate, template))
        }
        return result
    }

    static func retry(_ fields: MappingFields) throws(ScenarioError) -> RetryPolicy? {
        guard let node = fields.value("retry") else { return nil }
        let spec = try MappingFields(
            node, path: fields.keyPath("retry"), known: ["attempts", "delay"], reader: fields.reader)
        return RetryPolicy(
            attempts: try spec.integer("attempts", in: 1...100) ?? 3,
            delay: try spec.duration("delay", rule: .delay) ?? 1
        )
    }
}

extension MappingFields {
    /// Header names this step sets itself, which replace the defaults' headers of the same name.
    var headerNames: [String] {
        guard let node = value("headers"), case .mapping(let mapping) = node else { return [] }
        return mapping.compactMap { $0.key.scalar?.string }
    }
}
