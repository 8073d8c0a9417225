/// A step's masked request and response as plain text, for failure bodies and verbose output.
enum StepTranscriptText {
    static func text(of step: StepResult) -> String {
        var lines: [String] = []
        if let request = step.request {
            lines.append("> \(request.method) \(request.url)")
            lines += request.headers.map { "> \($0.name): \($0.value)" }
            if let body = request.bodyExcerpt { lines.append("> "); lines.append(body) }
        }
        if let error = step.transportError {
            lines.append("! \(error.description)")
        }
        if let response = step.response {
            lines.append("< HTTP/\(response.httpVersion) \(response.status)")
            lines += response.headers.map { "< \($0.name): \($0.value)" }
            if !response.bodyExcerpt.isEmpty { lines.append("< "); lines.append(response.bodyExcerpt) }
        }
        return lines.joined(separator: "\n")
    }
}
