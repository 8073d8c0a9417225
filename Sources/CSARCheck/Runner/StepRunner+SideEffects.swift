import Foundation

/// The steps that send no request of their own: a mail, an SMS or an event waited for, a channel subscribed
/// to. What arrives stands for the step's response, for `capture:` and `expect:`; its latency counts from the
/// answer to the last request that changed something (the form's POST), else from the step's start.
extension StepRunner {
    func run(_ sideEffect: SideEffectStep, of step: Step, into result: inout StepResult) {
        result.attempts = 1
        switch sideEffect {
        case .mail(let wait): runMail(wait, of: step, into: &result)
        case .sms(let wait): runSMS(wait, of: step, into: &result)
        case .subscribe(let subscription): runSubscribe(subscription, into: &result)
        case .event(let wait): runEvent(wait, of: step, into: &result)
        case .certificate(let spec): runCertificate(spec, of: step, into: &result)
        }
    }

    /// When the side effect was set off.
    private func triggeredAt(_ result: StepResult) -> Date {
        pages.lastChangeAt ?? result.startedAt
    }

    private func runMail(_ spec: MailWait, of step: Step, into result: inout StepResult) {
        let runner = MailStepRunner(
            variables: variables, transcript: transcript, transfer: client.options, stop: stop,
            since: runStartedAt.addingTimeInterval(-MailStepRunner.clockMargin))
        let wanted: MailStepRunner.Wanted
        do {
            wanted = try runner.wanted(spec)
        } catch {
            unusable(error, title: "mail", key: spec.key, location: spec.location, into: &result)
            return
        }
        let mailbox = transcript.masker.maskURL(wanted.settings.url)
        let title = "mail in \(mailbox)"
        let expected = "\(wanted.description) within \(DurationText.limit(wanted.within))"
        record("MAIL", mailbox, waitingFor: expected, into: &result)
        switch runner.wait(for: wanted, then: spec.then, triggeredAt: triggeredAt(result)) {
        case .success(let delivery):
            let response = delivery.mail.response(mailboxURL: wanted.settings.url, latency: delivery.latency)
            delivered(response, step: step, title: title, key: spec.key, location: spec.location, into: &result)
        case .failure(let failure):
            let actual: String
            switch failure {
            case .mailbox(let error): actual = "the mailbox could not be read: \(error)"
            case .stopped: actual = "stopped before it arrived"
            case .notArrived(let received, let closest):
                actual =
                    "none arrived within \(DurationText.limit(wanted.within))"
                    + (received == 0
                        ? " (no message at all since the run started)"
                        : " (\(received) other message\(received == 1 ? "" : "s") since the run started"
                            + (closest.map { ", the newest: '\($0)'" } ?? "") + ")")
            }
            missed(title, expected: expected, actual: actual, key: spec.key, location: spec.location, into: &result)
            result.hint = result.hint ?? Self.mailHint
        }
    }

    private func runSMS(_ spec: SMSWait, of step: Step, into result: inout StepResult) {
        let runner = SMSStepRunner(
            variables: variables, transcript: transcript, transfer: client.options, stop: stop,
            since: runStartedAt.addingTimeInterval(-MailStepRunner.clockMargin))
        let wanted: SMSStepRunner.Wanted
        do {
            wanted = try runner.wanted(spec)
        } catch {
            unusable(error, title: "SMS", key: spec.key, location: spec.location, into: &result)
            return
        }
        let inbox = transcript.masker.maskURL(wanted.inbox)
        let title = "SMS at \(inbox)"
        let expected = "\(wanted.description) within \(DurationText.limit(wanted.within))"
        record("SMS", inbox, waitingFor: expected, into: &result)
        switch runner.wait(for: wanted, triggeredAt: triggeredAt(result)) {
        case .success(let delivery):
            let response = delivery.message.response(inbox: wanted.inbox, latency: delivery.latency)
            delivered(response, step: step, title: title, key: spec.key, location: spec.location, into: &result)
        case .failure(let failure):
            let actual: String
            switch failure {
            case .inbox(let error): actual = "the SMS inbox could not be read: \(error)"
            case .stopped: actual = "stopped before it arrived"
            case .notArrived(let received, let refusals):
                actual = SMSStepRunner.notArrivedText(within: wanted.within, received: received, refusals: refusals)
            }
            missed(title, expected: expected, actual: actual, key: spec.key, location: spec.location, into: &result)
            result.hint = result.hint ?? Self.smsHint
        }
    }

    private func runSubscribe(_ subscription: ChannelSubscription, into result: inout StepResult) {
        let started = Date()
        do {
            let endpoint = try realtime.endpoint(for: subscription)
            record("SUBSCRIBE", endpoint.url, waitingFor: "subscribed", into: &result)
            let channel = try realtime.subscribe(subscription, endpoint: endpoint)
            var response = HTTPResponse(
                status: 200, httpVersion: "", headers: [HTTPHeader("Channel", channel)],
                effectiveURL: endpoint.url)
            response.timings = HTTPTimings(total: Date().timeIntervalSince(started))
            result.response = transcript.record(of: response)
            result.assertions = [
                AssertionResult(
                    key: subscription.keyPath, location: subscription.location, title: "subscribe \(channel)",
                    failure: nil)
            ]
        } catch {
            switch error {
            case .notConfigured(let reason): notRun(reason, into: &result)
            case .failed(let reason):
                missed(
                    "subscribe \(subscription.channel.source)", expected: "a subscription", actual: reason,
                    key: subscription.keyPath, location: subscription.location, into: &result)
                result.hint = result.hint ?? Self.realtimeHint
            }
        }
    }

    private func runEvent(_ wait: EventWait, of step: Step, into result: inout StepResult) {
        let rendering = SideEffectRendering(variables: variables)
        let within: Double
        let name: String
        let channel: String
        let texts: [String]
        do {
            within = try rendering.seconds(wait.within)
            name = try rendering.text(wait.event)
            channel = try rendering.text(wait.channel)
            texts = try rendering.texts(wait.contains)
        } catch {
            unusable(error, title: "event", key: wait.key, location: wait.location, into: &result)
            return
        }
        let title = "event \(name) on \(channel)"
        let expected =
            "\(name)\(SideEffectRendering.containing(texts)) on \(channel) within \(DurationText.limit(within))"
        record("EVENT", channel, waitingFor: expected, into: &result)
        do {
            let event = try realtime.wait(for: name, on: channel, containing: texts, within: within)
            let triggered = triggeredAt(result)
            let latency = max(0, event.receivedAt.timeIntervalSince(triggered))
            let response = HTTPResponse(
                status: 200, httpVersion: "",
                headers: [
                    HTTPHeader("Event", event.name), HTTPHeader("Channel", event.channel),
                    HTTPHeader("Content-Type", "application/json"),
                ],
                body: Array(event.data.utf8), timings: HTTPTimings(firstByte: latency, total: latency),
                effectiveURL: event.channel)
            delivered(response, step: step, title: title, key: wait.key, location: wait.location, into: &result)
        } catch {
            switch error {
            case .notConfigured(let reason): notRun(reason, into: &result)
            case .failed(let reason):
                missed(title, expected: expected, actual: reason, key: wait.key, location: wait.location, into: &result)
                result.hint = result.hint ?? Self.realtimeHint
            }
        }
    }

    /// A TLS handshake with the server of the step's URL: its certificate is the step's response. A handshake
    /// that did not complete is a transport error, as a request's would be.
    private func runCertificate(_ spec: CertificateCheck, of step: Step, into result: inout StepResult) {
        let url: String
        do {
            url = RequestBuilder.join(builder.baseURL, try variables.render(spec.url))
        } catch {
            notRun(Self.missingVariableMessage(error.name), into: &result)
            return
        }
        record("TLS", url, waitingFor: "a TLS handshake, no request", into: &result)
        let started = Date()
        switch TLSProbe(options: client.options, stop: stop).certificate(of: url) {
        case .success(let certificate):
            let elapsed = Date().timeIntervalSince(started)
            let response = certificate.response(url: url, elapsed: elapsed)
            let view = ResponseView(response: response, cookies: [], certificate: certificate)
            check(step, response: response, view: view, into: &result)
            result.summary = certificate.summary
            result.certificate = certificate
        case .failure(let error):
            result.transportError = transcript.masker.mask(error)
            result.outcome = .error
        }
    }

    /// A setting of the step is missing (not run), or its `within:` is no duration (failed).
    private func unusable(
        _ error: WaitTimeError, title: String, key: String, location: SourceLocation, into result: inout StepResult
    ) {
        switch error {
        case .undefined(let missing): notRun(RealtimeStepRunner.missing(missing.name), into: &result)
        case .invalid(let message):
            missed(
                title, expected: "a duration for within:", actual: message, key: key, location: location, into: &result)
        }
    }

    /// The step stands for a runbook check that could not be made: a setting is missing.
    private func notRun(_ reason: String, into result: inout StepResult) {
        result.outcome = .skipped
        result.problem = reason
        result.attempts = 0
    }

    private func record(_ method: String, _ url: String, waitingFor what: String, into result: inout StepResult) {
        result.request = RequestRecord(
            method: method, url: transcript.masker.maskURL(url), headers: [],
            bodyExcerpt: transcript.masker.mask(what))
    }

    /// What arrived, checked as the step's response.
    private func delivered(
        _ response: HTTPResponse, step: Step, title: String, key: String, location: SourceLocation,
        into result: inout StepResult
    ) {
        check(step, response: response, view: ResponseView(response: response, cookies: client.cookies), into: &result)
        result.assertions.insert(AssertionResult(key: key, location: location, title: title, failure: nil), at: 0)
    }

    private func missed(
        _ title: String, expected: String, actual: String, key: String, location: SourceLocation,
        into result: inout StepResult
    ) {
        result.outcome = .failed
        result.assertions = [
            AssertionResult(
                key: key, location: location, title: transcript.masker.mask(title),
                failure: CheckFailure(
                    expected: transcript.masker.mask(expected), actual: transcript.masker.mask(actual)))
        ]
    }

    /// What a missing mail most often means on a Laravel site.
    static let mailHint =
        "the site sends its mail from its queue: is the worker running (php artisan queue:work; "
        + "php artisan queue:failed lists failed jobs), and are MAIL_HOST, MAIL_USERNAME and MAIL_PASSWORD right?"
    static let smsHint =
        "the site sends its SMS from its queue: is the worker running (php artisan queue:work; "
        + "php artisan queue:failed lists failed jobs), and are SMS_API_URL, SMS_CLIENT_ID and SMS_CLIENT_SECRET right?"
    static let realtimeHint =
        "the site broadcasts from its queue: is the worker running (php artisan queue:work), is BROADCAST_DRIVER "
        + "pusher, and are PUSHER_APP_ID, PUSHER_APP_KEY, PUSHER_APP_SECRET (and PUSHER_HOST/PORT) right?"
}
