/// A step's masked request and response as plain text, for failure bodies.
enum StepTranscriptText {
    static func text(of step: StepReport) -> String {
        var lines: [String] = []
        if let request = step.request {
            lines.append("> \(request.method) \(request.url)")
            lines += request.headers.map { "> \($0.name): \($0.value)" }
            if let body = request.body { lines += [">", body] }
        }
        if let error = step.error {
            lines.append("! \(error.url): failed during \(error.phase): \(error.message)")
        }
        if let response = step.response {
            lines.append("< " + ResponseReport.firstLine(response, kind: step.kind, timings: step.timings))
            lines += response.headers.map { "< \($0.name): \($0.value)" }
            if !response.bodyExcerpt.isEmpty { lines += ["<", response.bodyExcerpt] }
        }
        return lines.joined(separator: "\n")
    }
}
