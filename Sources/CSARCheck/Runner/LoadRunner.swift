import Foundation

/// Runs a scenario's `load:` section: templates rendered with the scenario's variables, URLs joined
/// to the base URL, the run's transfer options applied, then the load engine. Blocking.
public enum LoadRunner {
    /// Runs `spec` inside a scenario run, with the scenario's variables (its captures included).
    /// `cookies` (the maintenance bypass cookie) go with every request, as they do with the steps.
    static func run(
        _ spec: LoadSpec, baseURL: String, variables: VariableStore, transfer: TransferOptions, cookies: [Cookie] = [],
        allowedOrigins: [Origin] = [], stop: StopSignal = StopSignal(), showProgress: Bool = false
    ) throws(LoadPlanError) -> LoadResult {
        let plan = try plan(
            for: spec, baseURL: baseURL, variables: variables, transfer: transfer, cookies: cookies,
            allowedOrigins: allowedOrigins)
        let progress = showProgress ? LoadProgressLine.standardError(for: plan) : nil
        defer { progress?.clear() }
        var result = try LoadEngine.run(plan, stop: stop) { snapshot, elapsed in
            progress?.update(snapshot, elapsed: elapsed)
        }
        result.expectedStatus = spec.expectStatus
        return result
    }

    static func plan(
        for spec: LoadSpec, baseURL: String, variables: VariableStore, transfer: TransferOptions,
        cookies: [Cookie] = [],
        allowedOrigins: [Origin] = []
    ) throws(LoadPlanError) -> LoadPlan {
        let confinement = CredentialConfinement(
            baseURL: baseURL, allowedOrigins: allowedOrigins, masker: variables.masker)
        var targets: [HTTPRequest] = []
        for target in spec.targets {
            do {
                var headers: [HTTPHeader] = []
                for header in target.headers {
                    headers.append(HTTPHeader(header.name, try variables.render(header.value)))
                }
                if !cookies.isEmpty, !headers.contains(where: { $0.name.caseInsensitiveEquals("Cookie") }) {
                    headers.append(
                        HTTPHeader("Cookie", cookies.map { "\($0.name)=\($0.value)" }.joined(separator: "; ")))
                }
                let url = RequestBuilder.join(baseURL, try variables.render(target.url))
                targets.append(
                    HTTPRequest(
                        method: target.method, url: url, headers: headers, totalTimeout: spec.timeout,
                        compressed: spec.compressed))
            } catch {
                throw LoadPlanError("\(spec.location): load: undefined variable '\(error.name)'")
            }
            if case .failure(let leak) = confinement.confine(targets[targets.count - 1]) {
                throw LoadPlanError("\(spec.location): load: \(leak.message(maskingURL: variables.masker.maskURL))")
            }
        }
        var transfer = transfer
        transfer.http2 = transfer.http2 || spec.http2
        return LoadPlan(
            targets: targets, model: spec.rate.map { .open(rate: $0) } ?? .closed, requests: spec.requests,
            duration: spec.duration,
            concurrency: spec.concurrency ?? LoadPlan.defaultConcurrency(rate: spec.rate),
            keepAlive: spec.keepAlive, threads: spec.threads, tlsResume: spec.tlsResume, transfer: transfer
        )
    }
}
