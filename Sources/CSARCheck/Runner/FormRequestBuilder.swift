import Foundation

/// Why a form step could not be sent: a variable it needs is missing, or the previous step received no page
/// (the step is skipped: what stopped it is reported where it happened), or the previous page does not allow
/// the submission (the step fails).
enum FormStepFailure: Error {
    case undefined(UndefinedVariable)
    case noPage(String)
    case form(FormSubmissionError)
}

/// Turns a `submit_form:` step into the request a browser would send for that form of the previous page.
struct FormRequestBuilder {
    let requests: RequestBuilder

    private var variables: VariableStore { requests.variables }

    func request(
        for step: Step, submission: FormSubmission, page: ReceivedPage
    ) throws(FormStepFailure)
        -> HTTPRequest
    {
        let choice = try render(submission.selector)
        let overrides = try overrides(of: submission)
        let button = try render(submission.button)
        var headers = try rendered { () throws(UndefinedVariable) in try requests.headers(for: step) }
        let document: MarkupDocument
        switch page.view.markupBody() {
        case .success(let parsed): document = parsed
        case .failure(let error):
            throw .form(FormSubmissionError("\(page.description) is not a page with forms: \(error.message)"))
        }
        let locator = FormLocator(document: document, pageURL: page.url)
        let form = try chooseForm(submission, choice: choice, locator: locator, page: page)
        let submitter: Int?
        let entries: [FormEntry]
        do {
            submitter = try FormSubmitterChoice.index(in: form, button: button)
            entries = try overrides.apply(to: FormEntryList.entries(of: form, submitter: submitter), of: form)
        } catch {
            throw .form(error)
        }
        let clicked = submitter.map { form.controls[$0] }
        let missing = FormConstraints.missingRequired(in: form, entries: entries, submitter: clicked)
        if !submission.noValidate, !missing.isEmpty {
            throw .form(
                FormSubmissionError(
                    "\(form.summary) requires \(missing.map { "'\($0)'" }.joined(separator: ", ")), left empty, so "
                        + "a browser would not submit it: fill \(missing.count == 1 ? "it" : "them") under 'fields' "
                        + "(or write 'novalidate: true' to send the form unchecked, as a script can)"))
        }
        let target = FormTarget(
            form: form, submitter: clicked, action: locator.action(of: form, submitter: clicked, base: locator.baseURL))
        let request = try encode(entries, for: target, form: form)
        headers += browserHeaders(for: request, target: target, page: page, document: document, stepHeaders: headers)
        return HTTPRequest(
            method: request.method, url: request.url, headers: headers, body: request.body,
            followRedirects: step.followRedirects, maxRedirects: step.maxRedirects, totalTimeout: step.timeout
        )
    }

    private func chooseForm(
        _ submission: FormSubmission, choice: FormLocator.Choice, locator: FormLocator, page: ReceivedPage
    ) throws(FormStepFailure) -> HTMLForm {
        let candidates: [HTMLForm]
        do {
            candidates = try locator.candidates(choice)
        } catch {
            throw .form(error)
        }
        if let index = submission.index, !candidates.isEmpty {
            guard candidates.indices.contains(index) else {
                throw .form(
                    FormSubmissionError(
                        "\(describe(submission)) number \(index) (counted from 0) is not on "
                            + "\(page.description): \(candidates.count) match; \(locator.inventory())"))
            }
            return candidates[index]
        }
        guard let first = candidates.first else {
            let what = choice == .only ? "no form" : "no \(describe(submission))"
            throw .form(FormSubmissionError("\(what) on \(page.description); \(locator.inventory())"))
        }
        if choice == .only, candidates.count > 1 {
            throw .form(
                FormSubmissionError(
                    "\(page.description) has \(candidates.count) forms, so say which: "
                        + "'selector', 'xpath', 'action' or 'index'; \(locator.inventory())"))
        }
        return first
    }

    /// Method, URL and body as the form's method and encoding type make them.
    private func encode(
        _ entries: [FormEntry], for target: FormTarget, form: HTMLForm
    ) throws(FormStepFailure) -> HTTPRequest {
        if target.method == "DIALOG" {
            throw .form(FormSubmissionError("\(form.summary) has method=dialog: it closes a dialog and sends nothing"))
        }
        let hasFiles = entries.contains { if case .file = $0.value { true } else { false } }
        if hasFiles, target.method != "POST" || target.enctype != "multipart/form-data" {
            throw .form(
                FormSubmissionError(
                    "\(form.summary) is not a POST multipart/form-data form, so a browser would not send files with it")
            )
        }
        let pairs = entries.map { entry -> (name: String, value: String) in
            let value: String
            switch entry.value {
            case .text(let text): value = text
            case .noFile, .file: value = ""
            }
            return (FormEntryList.normalizingLineBreaks(entry.name), FormEntryList.normalizingLineBreaks(value))
        }
        if target.method == "GET" {
            let url = URLResolution.withoutQuery(target.action) + "?" + FormEncoding.encode(pairs)
            return HTTPRequest(method: "GET", url: url)
        }
        let url = URLResolution.withoutFragment(target.action)
        switch target.enctype {
        case "multipart/form-data":
            return HTTPRequest(method: "POST", url: url, body: .multipart(entries.map(multipartPart)))
        case "text/plain":
            let text = pairs.map { "\($0.name)=\($0.value)\r\n" }.joined()
            return HTTPRequest(method: "POST", url: url, body: .bytes(Array(text.utf8), contentType: "text/plain"))
        default:
            let body = Array(FormEncoding.encode(pairs).utf8)
            return HTTPRequest(
                method: "POST", url: url, body: .bytes(body, contentType: "application/x-www-form-urlencoded"))
        }
    }

    private func multipartPart(_ entry: FormEntry) -> MultipartPart {
        let name = FormEntryList.normalizingLineBreaks(entry.name)
        switch entry.value {
        case .text(let text):
            return MultipartPart(name: name, content: .text(FormEntryList.normalizingLineBreaks(text)))
        case .noFile:
            return MultipartPart(name: name, content: .data([], filename: "", contentType: "application/octet-stream"))
        case .file(let path, let filename, let contentType):
            return MultipartPart(name: name, content: .file(path: path, filename: filename, contentType: contentType))
        }
    }

    /// Referer (by the page's referrer policy) and, for a POST, Origin — unless the step sets them.
    private func browserHeaders(
        for request: HTTPRequest, target: FormTarget, page: ReceivedPage, document: MarkupDocument,
        stepHeaders: [HTTPHeader]
    ) -> [HTTPHeader] {
        let meta = (try? HTMLFormReader.referrerMeta.evaluate(in: document))?.stringValue
        let policy =
            target.noReferrer
            ? .noReferrer
            : ReferrerPolicy.of(
                header: page.view.response.headerValues("Referrer-Policy"), meta: meta?.isEmpty == false ? meta : nil)
        var headers: [HTTPHeader] = []
        let sets = { (name: String) in stepHeaders.contains { $0.name.caseInsensitiveEquals(name) } }
        if !sets("Referer"), let referrer = policy.referrer(from: page.url, to: request.url) {
            headers.append(HTTPHeader("Referer", referrer))
        }
        if request.method == "POST", !sets("Origin") {
            let origin = URLComponents(string: page.url).flatMap(ReferrerPolicy.origin(of:))
            headers.append(HTTPHeader("Origin", policy == .noReferrer ? "null" : origin ?? "null"))
        }
        return headers
    }

    /// How messages name the step's form: its selector as sent (`form matching 'form[action*="/demande"]'`).
    func describe(_ submission: FormSubmission) -> String {
        submission.selectorDescription { (try? variables.render($0)) ?? $0.source }
    }

    /// The step's fields, additions, removals and files, rendered; a field or file whose name renders empty is
    /// left out, so a variable naming a field the site does not have can be emptied.
    private func overrides(of submission: FormSubmission) throws(FormStepFailure) -> FormOverrides {
        var overrides = FormOverrides()
        for field in submission.fields {
            let name = try render(field.name)
            guard !name.isEmpty else { continue }
            var values: [String] = []
            for value in field.values { values.append(try render(value)) }
            let leaveOut: String? =
                if field.name.parts.count == 1, case .variable(let variable) = field.name.parts[0] {
                    "--var \(variable)="
                } else { nil }
            overrides.fields.append(.init(name: name, values: values, leaveOut: leaveOut))
        }
        for addition in submission.additions {
            let name = try render(addition.name)
            guard !name.isEmpty else { continue }
            var values: [String] = []
            for value in addition.values { values.append(try render(value)) }
            overrides.additions.append((name, values))
        }
        for name in submission.remove {
            let rendered = try render(name)
            if !rendered.isEmpty { overrides.remove.append(rendered) }
        }
        for file in submission.files {
            guard case .file(let pathTemplate, let filename, let contentType) = file.value else { continue }
            let name = try render(file.name)
            guard !name.isEmpty else { continue }
            let attached = try rendered { () throws(UndefinedVariable) in
                try requests.attachedFile(pathTemplate, filename: filename)
            }
            overrides.files.append(
                (name, .file(path: attached.path, filename: attached.filename, contentType: contentType)))
        }
        return overrides
    }

    private func render(_ selector: FormSubmission.Selector) throws(FormStepFailure) -> FormLocator.Choice {
        switch selector {
        case .only: return .only
        case .css(let template): return .css(try render(template))
        case .xpath(let template): return .xpath(try render(template))
        case .action(let template): return .action(RequestBuilder.join(requests.baseURL, try render(template)))
        }
    }

    private func render(_ button: FormSubmission.Button) throws(FormStepFailure) -> FormSubmitterChoice.Button {
        switch button {
        case .first: return .first
        case .noButton: return .noButton
        case .named(let template): return .named(try render(template))
        }
    }

    private func render(_ template: Template) throws(FormStepFailure) -> String {
        try rendered { () throws(UndefinedVariable) in try variables.render(template) }
    }

    private func rendered<T>(_ body: () throws(UndefinedVariable) -> T) throws(FormStepFailure) -> T {
        do {
            return try body()
        } catch {
            throw .undefined(error)
        }
    }
}
