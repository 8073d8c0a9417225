internal import CCurl

/// Collects what libcurl's callbacks deliver during one transfer: the header block of the final
/// response and the body up to a cap (the rest is counted, not kept, so the connection stays usable).
final class ResponseAccumulator {
    private(set) var headers: [HTTPHeader] = []
    private(set) var body: [UInt8] = []
    private(set) var bodySize = 0
    private let maxBodyBytes: Int
    /// Set for a request that carries credentials and follows redirects: where those redirects may go.
    private let confinement: RedirectConfinement?

    init(maxBodyBytes: Int, confinement: RedirectConfinement? = nil) {
        self.maxBodyBytes = maxBodyBytes
        self.confinement = confinement
    }

    /// The redirect the transfer stopped at because it left the allowed origins (see `RedirectConfinement`).
    var refusedRedirect: String? { confinement?.refusedLocation }

    var bodyTruncated: Bool { bodySize > body.count }

    fileprivate func appendBody(_ bytes: UnsafeRawBufferPointer) {
        bodySize += bytes.count
        let room = maxBodyBytes - body.count
        if room > 0 {
            body.append(contentsOf: bytes.prefix(room))
        }
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
            return true
        }
        guard let colon = line.firstIndex(of: ":") else { return true }
        let name = String(line[..<colon])
        let value = line[line.index(after: colon)...].trimmingEdges(of: " \t")
        headers.append(HTTPHeader(name, value))
        return confinement?.permits(headerName: name, value: value) ?? true
    }

    /// The C callbacks: `context` is an unretained reference to the accumulator of the running transfer.
    static let writeBody: ccurl_data_callback = { data, size, count, context in
        let length = size * count
        guard let data, let context else { return length }
        let accumulator = Unmanaged<ResponseAccumulator>.fromOpaque(context).takeUnretainedValue()
        accumulator.appendBody(UnsafeRawBufferPointer(start: data, count: length))
        return length
    }

    static let writeHeader: ccurl_data_callback = { data, size, count, context in
        let length = size * count
        guard let data, let context else { return length }
        let accumulator = Unmanaged<ResponseAccumulator>.fromOpaque(context).takeUnretainedValue()
        // Returning less than `length` makes libcurl abort the transfer (CURLE_WRITE_ERROR).
        return accumulator.appendHeaderLine(UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
    }
}
