import Foundation

/// How a response body came to be cut at the cap: what checks that read the body must say, since they saw only
/// its first part. A compressed body is not decoded past the cap: the transfer stops there, so a decompression
/// bomb costs no more time or memory than a body of the cap's size.
public struct BodyCut: Sendable, Equatable {
    /// The bytes kept (`TransferOptions.maxBodyBytes`).
    public var cap: Int
    /// The content encoding libcurl was decoding (gzip, br, zstd, deflate), when the body was compressed.
    public var contentEncoding: String?
    /// Bytes that came over the network until the transfer ended (still encoded, for a compressed body).
    public var receivedBytes: Int
    /// The whole body's size, when it was received to its end; nil when the transfer was stopped at the cap.
    public var wholeSize: Int?

    public init(cap: Int, contentEncoding: String?, receivedBytes: Int, wholeSize: Int?) {
        self.cap = cap
        self.contentEncoding = contentEncoding
        self.receivedBytes = receivedBytes
        self.wholeSize = wholeSize
    }

    /// `body cut at 4 MB after decoding gzip (1.0 MB received, decoding stopped there): checks read only the
    /// first 4 MB`, or `body cut at 4 MB of 50.0 MB: …`.
    public var description: String {
        let cause: String
        if let wholeSize {
            cause = "of \(Self.size(wholeSize))"
        } else {
            cause =
                "after decoding \(contentEncoding ?? "the body") (\(Self.size(receivedBytes)) received, "
                + "decoding stopped there)"
        }
        return "body cut at \(Self.size(cap)) \(cause): checks read only the first \(Self.size(cap))"
    }

    /// `4 MB`, `1.5 MB`, `12 KB`, `300 bytes`.
    static func size(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) bytes" }
        if bytes < 1_048_576 { return "\(bytes / 1024) KB" }
        let value = Double(bytes) / 1_048_576
        return value == value.rounded() ? "\(Int(value)) MB" : String(format: "%.1f MB", value)
    }
}
