import Hummingbird

/// Laravel's `VerifyCsrfToken`: state-changing requests without the session's token get 419 "Page Expired",
/// unless the `csrfDisabled` fault simulates a site that forgot the check.
struct CSRFMiddleware: RouterMiddleware {
    let faults: DemoFaults

    func handle(
        _ request: Request,
        context: SiteContext,
        next: (Request, SiteContext) async throws -> Response
    ) async throws -> Response {
        guard CSRF.requiresToken(method: request.method.rawValue), !faults.csrfDisabled else {
            return try await next(request, context)
        }
        func nonEmpty(_ value: String?) -> String? { value?.isEmpty == false ? value : nil }
        let isValid = CSRF.isValid(
            formToken: context.input["_token"],
            csrfHeader: nonEmpty(request.headers.value(named: "x-csrf-token")),
            xsrfHeader: nonEmpty(request.headers.value(named: "x-xsrf-token")),
            expected: context.session.csrfToken
        )
        guard isValid else { throw HTTPError(.pageExpired) }
        return try await next(request, context)
    }
}
