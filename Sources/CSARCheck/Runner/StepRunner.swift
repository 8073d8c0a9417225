import Foundation

/// Sends one step (with its retries), evaluates captures and assertions, and records the outcome.
struct StepRunner {
    let client: HTTPClient
    let variables: VariableStore
    /// `--skip TAG`: steps tagged so are not sent.
    let selection: TagSelection
    let builder: RequestBuilder
    let transcript: Transcript
    /// Raised by a signal: no further attempt, and no wait for one.
    let stop: StopSignal
    /// When the run started: a side effect received before it is not this run's.
    let runStartedAt: Date
    /// The last response received, whose forms a `submit_form:` step submits.
    let pages = PageMemory()
    /// The scenario's Pusher subscriptions, for `subscribe:` and `expect_event:` steps.
    let realtime: RealtimeStepRunner

    init(
        client: HTTPClient, variables: VariableStore, selection: TagSelection = .init(), builder: RequestBuilder,
        transcript: Transcript, stop: StopSignal, runStartedAt: Date = Date()
    ) {
        self.client = client
        self.variables = variables
        self.selection = selection
        self.builder = builder
        self.transcript = transcript
        self.stop = stop
        self.runStartedAt = runStartedAt
        realtime = RealtimeStepRunner(
            variables: variables, transcript: transcript, client: client, baseURL: builder.baseURL, stop: stop)
    }

    /// Ends what the scenario's steps left open: its WebSocket subscriptions.
    func finish() {
        realtime.close()
    }

    func run(_ step: Step) -> StepResult {
        var result = StepResult(
            name: step.name, location: step.location, outcome: .passed, assertions: [], captures: [],
            captureFailures: [], attempts: 0, startedAt: Date()
        )
        result.kind = step.kind
        if let item = step.boundItem { variables.set(StepRepetition.variable, item, secret: false) }
        result.hint = step.hint.flatMap { try? variables.render($0) }.map(transcript.masker.mask)
        if let reason = skipReason(for: step) {
            result.outcome = .skipped
            result.problem = reason
            pages.forget("the previous step (\(step.name)) was not sent")
            return result
        }
        if let sideEffect = step.sideEffect {
            run(sideEffect, of: step, into: &result)
            return result
        }
        let built: HTTPRequest
        do {
            built = try self.request(for: step)
        } catch {
            switch error {
            case .undefined(let missing):
                result.outcome = .skipped
                result.problem = Self.missingVariableMessage(missing.name)
            case .noPage(let reason):
                result.outcome = .skipped
                result.problem = "not sent: it submits a form of the previous page, and \(reason)"
            case .form(let failure):
                result.outcome = .failed
                result.assertions = step.submitForm.map { formFailure(failure, of: $0) } ?? []
            }
            pages.forget("the previous step (\(step.name)) was not sent")
            return result
        }

        transcript.registerSecrets(of: built)
        result.request = transcript.record(of: built)
        let request: HTTPRequest
        switch confinement.confine(built) {
        case .success(let confined):
            request = confined
        case .failure(let leak):
            result.outcome = .failed
            result.assertions = [leakFailure(leak, of: step)]
            pages.forget("the previous step (\(step.name)) was not sent")
            return result
        }
        let attempts = step.retry?.attempts ?? 1
        for attempt in 1...attempts {
            result.attempts = attempt
            evaluate(step, request: request, into: &result)
            if result.outcome == .passed || attempt == attempts || !stop.sleep(step.retry?.delay ?? 0) { break }
        }
        if result.response == nil { pages.forget("the previous step (\(step.name)) received no response") }
        if result.response != nil, !["GET", "HEAD"].contains(request.method) { pages.lastChangeAt = Date() }
        return result
    }

    /// The step as it runs: once, or once per item of its `for_each:` list, named with the item. A list that
    /// cannot be rendered yet, or is empty, leaves the step as written, to be skipped with the reason.
    func repetitions(of step: Step) -> [Step] {
        guard let repetition = step.forEach else { return [step] }
        guard let list = try? variables.render(repetition.items) else { return [step] }
        let items = StepRepetition.split(list)
        if items.isEmpty { return [step] }
        return items.map { item in
            var copy = step
            copy.forEach = nil
            copy.boundItem = item
            variables.set(StepRepetition.variable, item, secret: false)
            copy.name = (try? variables.render(repetition.name)) ?? step.name
            return copy
        }
    }

    /// Why the step is not sent at all: a `--skip` tag, or a `when:` that does not hold.
    private func skipReason(for step: Step) -> String? {
        if let reason = selection.skipReason(for: step) { return reason }
        if let repetition = step.forEach {
            // Left as written by `repetitions(of:)`: its list is missing or empty.
            do {
                _ = try variables.render(repetition.items)
                return "skipped: for_each: \(repetition.items.source) is empty"
            } catch {
                return Self.missingVariableMessage(error.name)
            }
        }
        guard let condition = step.condition else { return nil }
        do {
            let value = try variables.render(condition)
            guard !StepCondition.holds(value) else { return nil }
            let shown = value.isEmpty ? "empty" : "'\(transcript.masker.mask(value))'"
            return "skipped: when: \(condition.source) is \(shown)"
        } catch {
            return Self.missingVariableMessage(error.name)
        }
    }

    /// Where the run's credentials may go: the base URL's origin and `--allow-origin`'s.
    private var confinement: CredentialConfinement {
        CredentialConfinement(
            baseURL: builder.baseURL, allowedOrigins: builder.allowedOrigins, masker: transcript.masker)
    }

    /// A request or redirect that would take a credential elsewhere fails the step: a form step names its form.
    private func leakFailure(_ leak: CredentialLeak, of step: Step) -> AssertionResult {
        let message = leak.message(maskingURL: transcript.masker.maskURL)
        if let submission = step.submitForm, leak.redirectStatus == nil {
            return formFailure(FormSubmissionError(message), of: submission)[0]
        }
        return AssertionResult(
            key: leak.redirectStatus == nil ? "url" : "follow_redirects", location: step.location,
            title: "credentials stay with the target",
            failure: CheckFailure(
                expected: "credentials sent to \(leak.base?.description ?? "the target") only", actual: message))
    }

    /// A form that cannot be submitted fails the step as a check of the previous page would.
    private func formFailure(_ failure: FormSubmissionError, of submission: FormSubmission) -> [AssertionResult] {
        let form = FormRequestBuilder(requests: builder).describe(submission)
        return [
            AssertionResult(
                key: submission.key, location: submission.location,
                title: "submit_form: \(form)",
                failure: CheckFailure(
                    expected: "\(form) to submit",
                    actual: transcript.masker.mask(failure.message)),
                sourceLine: submission.sourceLine
            )
        ]
    }

    private func request(for step: Step) throws(FormStepFailure) -> HTTPRequest {
        if let submission = step.submitForm {
            guard let page = pages.last else { throw .noPage(pages.missing) }
            return try FormRequestBuilder(requests: builder).request(for: step, submission: submission, page: page)
        }
        do {
            return try builder.request(for: step)
        } catch {
            throw .undefined(error)
        }
    }

    private func evaluate(_ step: Step, request: HTTPRequest, into result: inout StepResult) {
        result.captures = []
        result.captureFailures = []
        result.warnings = []
        result.transportError = nil
        result.unexpectedStatus = false
        let response: HTTPResponse
        do {
            response = try client.send(request)
        } catch {
            result.transportError = transcript.masker.mask(error)
            result.response = nil
            result.assertions = []
            result.outcome = .error
            return
        }
        let view = ResponseView(response: response, cookies: client.cookies)
        pages.last = ReceivedPage(request: request, response: response, view: view, baseURL: builder.baseURL)
        check(step, response: response, view: view, into: &result)
        if let leak = confinement.refusedRedirect(of: response, request: request) {
            result.assertions.append(leakFailure(leak, of: step))
            result.outcome = .failed
        }
        let statusCheck = zip(step.assertions, result.assertions).first { assertion, _ in
            if case .status = assertion.expectation { true } else { false }
        }
        result.unexpectedStatus =
            statusCheck.map { !$0.1.passed } ?? !StatusExpectation.successOrRedirect.accepts(response.status)
    }

    /// Captures and assertions on what stands for the step's response, then the response recorded.
    func check(_ step: Step, response: HTTPResponse, view: ResponseView, into result: inout StepResult) {
        // Before anything about the response is recorded: tokens the page hands out are masked everywhere.
        for secret in TokenScanner.secrets(in: view) {
            transcript.masker.add(secret, minimumLength: TokenScanner.minimumLength)
        }
        let queries = ResponseQueryEvaluator(render: variables.render)
        for capture in step.captures {
            switch queries.value(of: capture, in: view) {
            case .success(let value):
                let secret = capture.secret || isCookie(capture.query)
                variables.set(capture.variable, value, secret: secret)
                let shown = secret || SecretMasker.isSensitiveVariableName(capture.variable) ? SecretMasker.mask : value
                result.captures.append(
                    CapturedValue(name: capture.variable, displayValue: transcript.excerpt(shown), secret: secret))
            case .failure(let failure):
                result.captureFailures.append("capture \(capture.variable): \(failure.message)")
            }
        }
        let evaluator = AssertionEvaluator(
            predicates: PredicateEvaluator(
                render: variables.render, show: { transcript.masker.excerpt($0, length: 200) }))
        let evaluate = { (assertion: Assertion) in
            var outcome = evaluator.evaluate(assertion, on: view)
            outcome.failure = outcome.failure.map {
                CheckFailure(expected: transcript.masker.mask($0.expected), actual: transcript.masker.mask($0.actual))
            }
            return outcome
        }
        result.assertions = step.assertions.map(evaluate)
        result.warnings = step.warnings.map(evaluate)
        let readsBody =
            step.captures.contains { $0.query.readsBody }
            || (step.assertions + step.warnings).contains { $0.query.readsBody }
        result.notes = readsBody ? response.bodyCut.map { [$0.description] } ?? [] : []
        // Recorded after captures so freshly captured secrets (a CSRF token) are masked in the body.
        result.response = transcript.record(of: response)
        result.outcome = result.failedAssertions.isEmpty && result.captureFailures.isEmpty ? .passed : .failed
    }

    private func isCookie(_ query: ResponseQuery) -> Bool {
        if case .cookie = query { true } else { false }
    }

    /// Why a step that needs `name` was left out: `not sent` for a request, `not run` for a side-effect check.
    static func missingVariableMessage(_ name: String, leftOut: String = "not sent") -> String {
        if name.hasPrefix(ScenarioLoader.environmentPrefix) {
            return
                "\(leftOut): environment variable \(name.dropFirst(ScenarioLoader.environmentPrefix.count)) is not set"
        }
        return "\(leftOut): it needs {{ \(name) }}, which an earlier step did not capture"
    }
}

/// Holds the page the previous step received, across a scenario's steps.
final class PageMemory {
    var last: ReceivedPage?
    /// When the last request that changes something (not GET or HEAD) was answered: what a side effect's
    /// latency counts from.
    var lastChangeAt: Date?
    /// Why there is no page, for the step that needs one.
    var missing = "there is no previous response"

    func forget(_ reason: String) {
        last = nil
        missing = reason
    }
}
