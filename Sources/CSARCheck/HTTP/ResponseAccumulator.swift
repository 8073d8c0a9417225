internal import CCurl

/// Collects what libcurl's callbacks deliver during one transfer: the header block of the final
/// response and the body up to a cap. Past the cap, a plain body is counted, not kept, so the connection stays
/// usable; a body libcurl decodes (gzip, br, zstd) stops the transfer instead, since decoding the rest of a
/// decompression bomb would cost seconds of the client's own time for bytes no check sees.
final class ResponseAccumulator {
    private(set) var headers: [HTTPHeader] = []
    private(set) var body: [UInt8] = []
    private(set) var bodySize = 0
    /// Set when the body reached the cap while libcurl was decoding it, and the transfer was stopped.
    private(set) var stoppedAtCap = false
    private let maxBodyBytes: Int
    /// libcurl decodes the body (`CURLOPT_ACCEPT_ENCODING` was set).
    private let decodes: Bool
    /// Set for a request that carries credentials and follows redirects: where those redirects may go.
    private let confinement: RedirectConfinement?

    init(maxBodyBytes: Int, decodes: Bool, confinement: RedirectConfinement? = nil) {
        self.maxBodyBytes = maxBodyBytes
        self.decodes = decodes
        self.confinement = confinement
    }

    /// The redirect the transfer stopped at because it left the allowed origins (see `RedirectConfinement`).
    var refusedRedirect: String? { confinement?.refusedLocation }

    var bodyTruncated: Bool { bodySize > body.count || stoppedAtCap }

    /// The encoding libcurl is decoding, or nil when the body arrives as sent.
    var decodedEncoding: String? {
        guard decodes, let value = headers.last(where: { $0.name.caseInsensitiveEquals("Content-Encoding") })?.value,
            !value.isEmpty, value.lowercased() != "identity"
        else { return nil }
        return value
    }

    /// Keeps what fits under the cap; false when the transfer must stop there (a decoded body past the cap).
    fileprivate func appendBody(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let room = maxBodyBytes - body.count
        if bytes.count > room, decodedEncoding != nil {
            body.append(contentsOf: bytes.prefix(room))
            bodySize = body.count
            stoppedAtCap = true
            return false
        }
        bodySize += bytes.count
        if room > 0 {
            body.append(contentsOf: bytes.prefix(room))
        }
        return true
    }

    /// Returns false to stop the transfer: a redirect the confinement refuses.
    fileprivate func appendHeaderLine(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let line = String(decoding: bytes, as: UTF8.self).trimmingNewline()
        if line.hasPrefix("HTTP/") {
            confinement?.startHop(statusLine: line)
            // A new status line starts a new header block (redirect hop, 100 Continue): keep only the last.
            headers.removeAll(keepingCapacity: true)
            body.removeAll(keepingCapacity: true)
            bodySize = 0
            stoppedAtCap = false
            return true
        }
        guard let colon = line.firstIndex(of: ":") else { return true }
        let name = String(line[..<colon])
        let value = line[line.index(after: colon)...].trimmingEdges(of: " \t")
        headers.append(HTTPHeader(name, value))
        return confinement?.permits(headerName: name, value: value) ?? true
    }

    /// The C callbacks: `context` is an unretained reference to the accumulator of the running transfer.
    /// Answering 0 to a write of more than 0 bytes stops the transfer with `CURLE_WRITE_ERROR`.
    static let writeBody: ccurl_data_callback = { data, size, count, context in
        let length = size * count
        guard let data, let context else { return length }
        let accumulator = Unmanaged<ResponseAccumulator>.fromOpaque(context).takeUnretainedValue()
        return accumulator.appendBody(UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
    }

    static let writeHeader: ccurl_data_callback = { data, size, count, context in
        let length = size * count
        guard let data, let context else { return length }
        let accumulator = Unmanaged<ResponseAccumulator>.fromOpaque(context).takeUnretainedValue()
        // Returning less than `length` makes libcurl abort the transfer (CURLE_WRITE_ERROR).
        return accumulator.appendHeaderLine(UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
    }
}
