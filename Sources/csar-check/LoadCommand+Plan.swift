import ArgumentParser
import CSARCheck
import Foundation

extension LoadCommand {
    /// The plan the flags describe; a flag that cannot be honoured is a usage error (exit 2).
    func makePlan() throws -> LoadPlan {
        guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
            throw ValidationError("the URL '\(url)' must start with http:// or https://")
        }
        if let rate, !(rate > 0 && rate.isFinite) {
            throw ValidationError("--rate: expected a number of requests per second above 0, found '\(rate)'")
        }
        let request = HTTPRequest(
            method: (method ?? (postFile == nil ? "GET" : "POST")).uppercased(), url: url,
            headers: try requestHeaders(), body: try body(), compressed: compressed
        )
        return LoadPlan(
            targets: [request], model: rate.map { .open(rate: $0) } ?? .closed, requests: requests,
            duration: try duration.map { try Self.seconds($0, flag: "-t") },
            concurrency: concurrency ?? LoadPlan.defaultConcurrency(rate: rate),
            keepAlive: keepAlive, threads: threads, tlsResume: tlsResume,
            transfer: connection.transferOptions(http2: http2),
            ceilings: try ceilings()
        )
    }

    private func requestHeaders() throws -> [HTTPHeader] {
        var result: [HTTPHeader] = []
        for header in headers {
            guard let colon = header.firstIndex(of: ":"), colon != header.startIndex else {
                throw ValidationError("-H expects 'Name: value', got '\(header)'")
            }
            result.append(
                HTTPHeader(
                    String(header[..<colon]), header[header.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                ))
        }
        if !cookies.isEmpty {
            result.append(HTTPHeader("Cookie", cookies.joined(separator: "; ")))
        }
        if let basicAuth {
            result.append(HTTPHeader("Authorization", "Basic " + Data(basicAuth.utf8).base64EncodedString()))
        }
        return result
    }

    private func body() throws -> HTTPBody {
        guard let postFile else {
            if contentType != nil { throw ValidationError("-T gives the type of the -p data: add -p FILE") }
            return .none
        }
        return .bytes(try Self.postData(postFile), contentType: contentType ?? "text/plain")
    }

    /// The most `-p` reads: the body is held in memory and sent with every request, so a device or a huge
    /// file given by mistake (`-p /dev/zero`) is refused instead of read until memory runs out.
    static let maxPostBytes = 64 << 20

    /// The bytes of the `-p` file, or why they cannot be had.
    static func postData(_ path: String) throws -> [UInt8] {
        do {
            return try SourceText.bytes(path, maxBytes: maxPostBytes)
        } catch {
            throw ValidationError("-p \(path): \(error.message)")
        }
    }

    /// The default ceilings, or the raised ones; raising needs `--allow-huge-run`, which alone also
    /// lets the -n and -t given explicitly through.
    private func ceilings() throws -> LoadCeilings {
        var ceilings = LoadCeilings()
        if let maxRequests { ceilings.maxRequests = maxRequests }
        if let maxDuration { ceilings.maxDuration = try Self.seconds(maxDuration, flag: "--max-duration") }
        guard allowHugeRun else {
            if ceilings.exceedDefaults {
                throw ValidationError(
                    "raising the ceilings above \(LoadCeilings.defaultMaxRequests) requests or "
                        + "\(Int(LoadCeilings.defaultMaxDuration)) s needs --allow-huge-run as well")
            }
            return ceilings
        }
        if maxRequests == nil, let requests { ceilings.maxRequests = max(ceilings.maxRequests, requests) }
        if maxDuration == nil, let duration, let seconds = DurationText.seconds(duration) {
            ceilings.maxDuration = max(ceilings.maxDuration, seconds)
        }
        return ceilings
    }

    static func seconds(_ text: String, flag: String) throws -> Double {
        let rule = DurationRule.loadDuration
        guard let seconds = DurationText.seconds(text), rule.problem(seconds) == nil else {
            throw ValidationError("\(flag): expected \(rule.range), found '\(text)'")
        }
        return seconds
    }
}
