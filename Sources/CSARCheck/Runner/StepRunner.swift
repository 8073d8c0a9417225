import Foundation

/// Sends one step (with its retries), evaluates captures and assertions, and records the outcome.
struct StepRunner {
    let client: HTTPClient
    let variables: VariableStore
    let builder: RequestBuilder
    let transcript: Transcript
    /// Raised by a signal: no further attempt, and no wait for one.
    let stop: LoadStopSignal
    /// The last response received, whose forms a `submit_form:` step submits.
    private let pages = PageMemory()

    init(
        client: HTTPClient, variables: VariableStore, builder: RequestBuilder, transcript: Transcript,
        stop: LoadStopSignal
    ) {
        self.client = client
        self.variables = variables
        self.builder = builder
        self.transcript = transcript
        self.stop = stop
    }

    func run(_ step: Step) -> StepResult {
        var result = StepResult(
            name: step.name, location: step.location, outcome: .passed, assertions: [], captures: [],
            captureFailures: [], attempts: 0, startedAt: Date()
        )
        let request: HTTPRequest
        do {
            request = try self.request(for: step)
        } catch {
            switch error {
            case .undefined(let missing):
                result.outcome = .skipped
                result.problem = missingVariableMessage(missing.name)
            case .form(let failure):
                result.outcome = .failed
                result.assertions = step.submitForm.map { formFailure(failure, of: $0) } ?? []
            }
            return result
        }

        transcript.registerSecrets(of: request)
        result.request = transcript.record(of: request)
        let attempts = step.retry?.attempts ?? 1
        for attempt in 1...attempts {
            result.attempts = attempt
            evaluate(step, request: request, into: &result)
            if result.outcome == .passed || attempt == attempts || !stop.sleep(step.retry?.delay ?? 0) { break }
        }
        return result
    }

    /// A form that cannot be submitted fails the step as a check of the previous page would.
    private func formFailure(_ failure: FormSubmissionError, of submission: FormSubmission) -> [AssertionResult] {
        [
            AssertionResult(
                key: submission.key, location: submission.location,
                title: "submit_form: \(submission.selectorDescription)",
                failure: CheckFailure(
                    expected: "\(submission.selectorDescription) to submit",
                    actual: transcript.masker.mask(failure.message))
            )
        ]
    }

    private func request(for step: Step) throws(FormStepFailure) -> HTTPRequest {
        if let submission = step.submitForm {
            return try FormRequestBuilder(requests: builder).request(
                for: step, submission: submission, page: pages.last)
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
        // Before anything about the response is recorded: tokens the page hands out are masked everywhere.
        for secret in TokenScanner.secrets(in: view) {
            transcript.masker.add(secret, minimumLength: TokenScanner.minimumLength)
        }
        pages.last = ReceivedPage(request: request, response: response, view: view, baseURL: builder.baseURL)
        for capture in step.captures {
            switch CaptureEvaluator.value(of: capture, from: view, render: variables.render) {
            case .success(let value):
                let secret = capture.secret || isCookie(capture.source)
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
        result.assertions = step.assertions.map { assertion in
            var outcome = evaluator.evaluate(assertion, on: view)
            outcome.failure = outcome.failure.map {
                CheckFailure(expected: transcript.masker.mask($0.expected), actual: transcript.masker.mask($0.actual))
            }
            return outcome
        }
        let statusCheck = zip(step.assertions, result.assertions).first { assertion, _ in
            if case .status = assertion.subject { true } else { false }
        }
        result.unexpectedStatus =
            statusCheck.map { !$0.1.passed } ?? !StatusExpectation.successOrRedirect.accepts(response.status)
        // Recorded after captures so freshly captured secrets (a CSRF token) are masked in the body.
        result.response = transcript.record(of: response)
        result.outcome = result.failedAssertions.isEmpty && result.captureFailures.isEmpty ? .passed : .failed
    }

    private func isCookie(_ source: Capture.Source) -> Bool {
        if case .cookie = source { true } else { false }
    }

    private func missingVariableMessage(_ name: String) -> String {
        if name.hasPrefix(ScenarioLoader.environmentPrefix) {
            return "not sent: environment variable \(name.dropFirst(ScenarioLoader.environmentPrefix.count)) is not set"
        }
        return "not sent: it needs {{ \(name) }}, which an earlier step did not capture"
    }
}

/// Holds the page a scenario last received, across its steps.
private final class PageMemory {
    var last: ReceivedPage?
}
