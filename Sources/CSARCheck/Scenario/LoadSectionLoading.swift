import Foundation
import Yams

/// Reads a scenario's `load:` section into a `LoadSpec`, with the same located errors as the rest of
/// the file, and the load engine's bounds and ceilings checked before anything is sent.
enum LoadSectionLoading {
    static let keys = [
        "url", "urls", "method", "headers", "requests", "duration", "rate", "concurrency", "keep_alive", "http2",
        "threads", "tls_resume", "timeout", "compressed", "expect_status",
    ]

    /// The section, or nil when the file has none. `steps` supply the request when no `url` is given.
    static func load(
        _ node: Node?, defaults: StepDefaults, steps: [Step], scope: VariableScope
    ) throws(ScenarioError) -> LoadSpec? {
        guard let node else { return nil }
        let reader = scope.reader
        let fields = try MappingFields(node, path: "load", known: keys, reader: reader)
        var spec = LoadSpec(
            location: reader.location(of: node),
            targets: try targets(fields, defaults: defaults, steps: steps, scope: scope),
            requests: try fields.integer("requests", in: 1...Int.max),
            concurrency: try fields.integer("concurrency", in: 1...1000),
            keepAlive: try fields.bool("keep_alive") ?? false, http2: try fields.bool("http2") ?? false,
            threads: try fields.integer("threads", in: 1...LoadCeilings.maxThreads) ?? 1,
            tlsResume: try fields.bool("tls_resume") ?? false,
            timeout: try fields.duration("timeout")
        )
        spec.compressed = try fields.bool("compressed") ?? defaults.compressed
        if let expected = fields.value("expect_status") {
            spec.expectStatus = try AssertionLoading.status(
                expected, key: fields.keyPath("expect_status"), reader: reader)
        }
        if let rateNode = fields.value("rate") {
            let rate = try ScalarReading.number(rateNode, key: fields.keyPath("rate"), reader: reader)
            guard rate > 0, rate.isFinite else {
                throw reader.error(
                    at: rateNode, key: fields.keyPath("rate"), "the rate must be more than 0 requests per second")
            }
            spec.rate = rate
        }
        spec.duration = try fields.duration("duration", rule: .loadDuration)
        try checkBounds(spec, fields: fields)
        return spec
    }

    private static func checkBounds(_ spec: LoadSpec, fields: MappingFields) throws(ScenarioError) {
        guard spec.requests != nil || spec.duration != nil else {
            throw fields.reader.error(
                at: fields.node, key: "load", "an unbounded load: give 'requests', 'duration' or both")
        }
        if let threads = fields.value("threads"), spec.threads > (spec.concurrency ?? spec.threads) {
            throw fields.reader.error(at: threads, key: fields.keyPath("threads"), "more threads than concurrency")
        }
        do {
            try LoadCeilings().check(requests: spec.requests, duration: spec.duration, rate: spec.rate)
        } catch {
            let key = ["requests", "duration", "rate"].first { fields.value($0) != nil } ?? "load"
            throw fields.reader.error(
                at: fields.value(key), key: fields.keyPath(key),
                error.message.replacingOccurrences(
                    of: "raise the ceiling with", with: "split the run, or use `csar-check load` with")
            )
        }
    }

    /// `url:` or `urls:`, each with the section's method and headers; else the first step's request.
    private static func targets(
        _ fields: MappingFields, defaults: StepDefaults, steps: [Step], scope: VariableScope
    ) throws(ScenarioError) -> [LoadTargetSpec] {
        let reader = fields.reader
        if fields.value("url") != nil, let urls = fields.value("urls") {
            throw reader.error(at: urls, key: fields.keyPath("urls"), "give 'url' or 'urls', not both")
        }
        var urlNodes: [(node: Node, key: String)] = []
        if let url = fields.value("url") {
            urlNodes = [(url, fields.keyPath("url"))]
        } else if let urls = fields.value("urls") {
            let list = try ScalarReading.list(urls, key: fields.keyPath("urls"), reader: reader)
            guard !list.isEmpty else { throw reader.error(at: urls, key: fields.keyPath("urls"), "the list is empty") }
            urlNodes = list.enumerated().map { ($1, "\(fields.keyPath("urls"))[\($0)]") }
        } else {
            return try [firstStepTarget(fields, steps: steps)]
        }
        let method = (try fields.string("method") ?? "GET").uppercased()
        guard StepLoading.methods.contains(method) else {
            throw reader.error(
                at: fields.value("method"), key: fields.keyPath("method"),
                "unknown method '\(method)'; use one of \(StepLoading.methods.joined(separator: ", "))")
        }
        let own = try StepLoading.headers(fields, scope: scope)
        let headers =
            defaults.headers.filter { header in !own.contains { $0.name.caseInsensitiveEquals(header.name) } } + own
        var targets: [LoadTargetSpec] = []
        for (node, key) in urlNodes {
            let url = try ScalarReading.url(node, key: key, reader: reader)
            try scope.check(url, at: node, key: key)
            targets.append(LoadTargetSpec(method: method, url: url, headers: headers))
        }
        return targets
    }

    private static func firstStepTarget(_ fields: MappingFields, steps: [Step]) throws(ScenarioError) -> LoadTargetSpec
    {
        for key in ["method", "headers"] where fields.value(key) != nil {
            throw fields.reader.error(at: fields.value(key), key: fields.keyPath(key), "'\(key)' needs 'url' or 'urls'")
        }
        guard let step = steps.first else {
            throw fields.reader.error(
                at: fields.node, key: "load", "missing 'url' (or 'urls'), and no step to take it from")
        }
        guard case .none = step.body, step.query.isEmpty else {
            throw fields.reader.error(
                at: fields.node, key: "load",
                "the first step has a query or body, which load requests cannot take: give 'url'")
        }
        return LoadTargetSpec(method: step.method, url: step.url, headers: step.headers)
    }
}
