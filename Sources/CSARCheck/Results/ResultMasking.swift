/// Masks results again once a run knows more secrets: a token a later page revealed may already sit in an
/// earlier step's transcript. Reports are written from the masked results; texts cut before are masked
/// up to their cut (see `SecretMasker.maskExcerpt`).
extension ScenarioResult {
    func masked(by masker: SecretMasker) -> ScenarioResult {
        var result = self
        result.steps = steps.map { $0.masked(by: masker) }
        result.setupError = setupError.map(masker.mask)
        result.notes = notes.map(masker.mask)
        result.load = load?.masked(by: masker)
        return result
    }
}

extension StepResult {
    func masked(by masker: SecretMasker) -> StepResult {
        var step = self
        if var request {
            request.url = masker.maskURL(request.url)
            request.headers = request.headers.map(masker.mask)
            request.bodyExcerpt = request.bodyExcerpt.map(masker.maskExcerpt)
            step.request = request
        }
        if var response {
            response.headers = response.headers.map(masker.mask)
            response.bodyExcerpt = masker.maskExcerpt(response.bodyExcerpt)
            response.effectiveURL = masker.maskURL(response.effectiveURL)
            step.response = response
        }
        step.transportError = transportError.map(masker.mask)
        step.problem = problem.map(masker.mask)
        let maskChecks = { (checks: [AssertionResult]) in
            checks.map { assertion in
                var masked = assertion
                masked.failure = assertion.failure.map {
                    CheckFailure(expected: masker.maskExcerpt($0.expected), actual: masker.maskExcerpt($0.actual))
                }
                return masked
            }
        }
        step.assertions = maskChecks(assertions)
        step.warnings = maskChecks(warnings)
        step.captures = captures.map { capture in
            var masked = capture
            masked.displayValue = masker.maskExcerpt(capture.displayValue)
            return masked
        }
        step.captureFailures = captureFailures.map(masker.mask)
        return step
    }
}

extension LoadResult {
    /// The URLs (a token in a query), error examples and warnings of a load run, masked.
    public func masked(by masker: SecretMasker) -> LoadResult {
        var result = self
        result.plan.urls = plan.urls.map(masker.maskURL)
        result.transportErrors = transportErrors.map {
            TransportErrorCount(phase: $0.phase, count: $0.count, example: masker.mask($0.example))
        }
        result.warnings = warnings.map(masker.mask)
        return result
    }
}
