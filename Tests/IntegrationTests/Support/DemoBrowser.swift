import DemoSite
import Foundation

/// A cookie-keeping client for one visitor, the way a browser or `csar-check` scenario talks to the site.
final class DemoBrowser {
    let port: Int
    private(set) var cookies: [String: String] = [:]

    init(_ site: RunningDemoSite) {
        port = site.port
    }

    /// A visitor of any site on 127.0.0.1 (the real Laravel stack too).
    init(port: Int) {
        self.port = port
    }

    func get(_ path: String, headers: [(String, String)] = []) async throws -> DemoHTTPResponse {
        try await send("GET", path, headers: headers)
    }

    func head(_ path: String) async throws -> DemoHTTPResponse {
        try await send("HEAD", path)
    }

    /// POSTs `application/x-www-form-urlencoded` fields.
    func post(
        _ path: String,
        form: [(String, String)],
        headers: [(String, String)] = []
    ) async throws -> DemoHTTPResponse {
        let body = form.map { "\(Self.formEncode($0.0))=\(Self.formEncode($0.1))" }.joined(separator: "&")
        let allHeaders = [("Content-Type", "application/x-www-form-urlencoded")] + headers
        return try await send("POST", path, headers: allHeaders, body: Array(body.utf8))
    }

    /// POSTs `multipart/form-data` with text fields and files.
    func postMultipart(
        _ path: String,
        fields: [(String, String)],
        files: [(field: String, filename: String, contentType: String, bytes: [UInt8])],
        headers: [(String, String)] = []
    ) async throws -> DemoHTTPResponse {
        let boundary = "----CSARCheckBoundary7MA4YWxkTrZu0gW"
        var body: [UInt8] = []
        for (name, value) in fields {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        for file in files {
            body += Array("--\(boundary)\r\n".utf8)
            body += Array(
                "Content-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.filename)\"\r\n".utf8
            )
            body += Array("Content-Type: \(file.contentType)\r\n\r\n".utf8)
            body += file.bytes + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        let allHeaders = [("Content-Type", "multipart/form-data; boundary=\(boundary)")] + headers
        return try await send("POST", path, headers: allHeaders, body: body)
    }

    func send(
        _ method: String,
        _ path: String,
        headers: [(String, String)] = [],
        body: [UInt8] = []
    ) async throws -> DemoHTTPResponse {
        var allHeaders = headers
        if !cookies.isEmpty {
            allHeaders.append(("Cookie", cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")))
        }
        let response = try await DemoHTTPClient.request(
            port: port,
            method: method,
            target: path,
            headers: allHeaders,
            body: body
        )
        for header in response.headers(named: "Set-Cookie") {
            guard let pair = header.split(separator: ";").first, let equals = pair.firstIndex(of: "=") else {
                continue
            }
            cookies[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
        }
        return response
    }

    /// The hidden `_token` of a page's form.
    static func csrfToken(in page: DemoHTTPResponse) -> String? {
        guard let range = page.text.range(of: #"name="_token" value=""#) else { return nil }
        let rest = page.text[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    /// Loads `path` and returns its form's CSRF token.
    func token(from path: String = "/login") async throws -> String {
        let page = try await get(path)
        guard let token = Self.csrfToken(in: page) else { throw DemoHTTPClientError.malformedResponse(page.text) }
        return token
    }

    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
    )

    private static func formEncode(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? value
    }
}

/// Runs `body` against a freshly started site and always stops it afterwards.
func withDemoSite(
    _ configuration: DemoSiteConfiguration = .init(),
    faults: DemoFaults = .init(),
    _ body: (RunningDemoSite) async throws -> Void
) async throws {
    let site = try await DemoSite.start(configuration, faults: faults)
    do {
        try await body(site)
    } catch {
        await site.stop()
        throw error
    }
    await site.stop()
}
