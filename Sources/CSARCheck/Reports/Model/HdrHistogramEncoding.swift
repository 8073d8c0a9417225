internal import CZlib
import Foundation
import Histogram

/// HdrHistogram's V2 encoding (the byte layout of Java's `encodeIntoCompressedByteBuffer`, used in
/// HdrHistogram log files): a 40-byte big-endian header, the counts array as ZigZag LEB128 with runs of
/// zeros folded into negative numbers, the whole zlib-compressed behind an 8-byte header.
/// hdrhistogram-swift has Codable only; this makes our histograms readable by every HdrHistogram tool.
public enum HdrHistogramEncoding {
    static let cookie: UInt32 = 0x1c84_9303 | 0x10
    static let compressedCookie: UInt32 = 0x1c84_9304 | 0x10
    /// More buckets than a 1 µs–1 h histogram at 5 significant digits has.
    static let maxCounts = 1 << 22

    public static func base64(of histogram: Histogram<UInt64>) -> String {
        compressed(histogram).base64EncodedString()
    }

    public static func compressed(_ histogram: Histogram<UInt64>) -> Data {
        let payload = uncompressed(histogram)
        var output = [UInt8](repeating: 0, count: czlib_compress_bound(payload.count))
        var length = output.count
        let status = payload.withUnsafeBytes { input in
            czlib_compress(input.bindMemory(to: UInt8.self).baseAddress, payload.count, &output, &length)
        }
        precondition(status == 0, "zlib compress2 failed (\(status)) with a bound-sized buffer")
        var data = Data()
        data.appendBigEndian(compressedCookie)
        data.appendBigEndian(UInt32(length))
        data.append(contentsOf: output.prefix(length))
        return data
    }

    public static func uncompressed(_ histogram: Histogram<UInt64>) -> Data {
        var counts: [UInt64] = []
        if histogram.totalCount > 0 {
            for bucket in histogram.allValues() {
                counts.append(UInt64(bucket.count))
                if bucket.value >= histogram.max { break }
            }
        }
        var payload = Data()
        var index = 0
        while index < counts.count {
            if counts[index] == 0 {
                var zeros = 0
                while index < counts.count, counts[index] == 0 {
                    zeros += 1
                    index += 1
                }
                ZigZag.append(zeros > 1 ? -Int64(zeros) : 0, to: &payload)
            } else {
                ZigZag.append(Int64(counts[index]), to: &payload)
                index += 1
            }
        }
        var data = Data()
        data.appendBigEndian(cookie)
        data.appendBigEndian(UInt32(payload.count))
        data.appendBigEndian(UInt32(0))  // normalizing index offset
        data.appendBigEndian(UInt32(histogram.numberOfSignificantValueDigits.rawValue))
        data.appendBigEndian(histogram.lowestDiscernibleValue)
        data.appendBigEndian(histogram.highestTrackableValue)
        data.appendBigEndian(Double(1).bitPattern)  // integer-to-double conversion ratio
        return data + payload
    }

    /// The counts array of an encoding, for tests and for merging runs later.
    public static func decodeCounts(base64: String) -> [UInt64]? {
        guard let raw = uncompressedPayload(base64: base64) else { return nil }
        return counts(of: raw)
    }

    /// The histogram an encoding stands for, equal bucket for bucket to the one encoded: any percentile
    /// of a recorded run can be read again to the histogram's resolution, and histograms of several runs
    /// added. As in HdrHistogram's own decoders, the exact largest value is not in the encoding: the
    /// highest bucket reads as its upper bound (the `max` our reports show).
    public static func decode(base64: String) -> Histogram<UInt64>? {
        guard let raw = uncompressedPayload(base64: base64), let (counts, layout) = buckets(of: raw) else { return nil }
        let highest = raw.bigEndianUInt64(at: 24)
        guard highest >= 2 else { return nil }
        var histogram = Histogram<UInt64>(highestTrackableValue: highest, numberOfSignificantValueDigits: layout.digits)
        let top = counts.lastIndex { $0 > 0 }
        for (index, count) in counts.enumerated() where count > 0 {
            let value = index == top ? min(layout.highestValue(at: index), highest) : layout.value(at: index)
            guard value <= highest, histogram.record(value, count: count) else { return nil }
        }
        return histogram
    }

    /// The counts of an encoding and the layout that maps each count's index to its values, for adding
    /// histograms of several runs without re-recording them.
    package static func decodeBuckets(base64: String) -> (counts: [UInt64], layout: BucketLayout)? {
        uncompressedPayload(base64: base64).flatMap(buckets(of:))
    }

    private static func buckets(of raw: Data) -> (counts: [UInt64], layout: BucketLayout)? {
        guard let digits = SignificantDigits(rawValue: Int8(clamping: raw.bigEndianUInt32(at: 12))),
            raw.bigEndianUInt64(at: 16) == 1, let counts = counts(of: raw)
        else { return nil }
        return (counts, BucketLayout(digits: digits))
    }

    /// HdrHistogram's index-to-value mapping for a lowest discernible value of 1 (the only one we encode).
    package struct BucketLayout: Sendable, Equatable {
        let digits: SignificantDigits
        let halfCountMagnitude: Int

        init(digits: SignificantDigits) {
            self.digits = digits
            let largestSingleUnitResolution = 2 * Int(pow(10, Double(digits.rawValue)))
            let countMagnitude = Int(ceil(log2(Double(largestSingleUnitResolution))))
            halfCountMagnitude = max(countMagnitude, 1) - 1
        }

        /// The largest value counted at `index` (HdrHistogram's highest equivalent value).
        package func highestValue(at index: Int) -> UInt64 {
            value(at: index + 1) - 1
        }

        /// The smallest value counted at `index`.
        package func value(at index: Int) -> UInt64 {
            let halfCount = 1 << halfCountMagnitude
            var bucket = (index >> halfCountMagnitude) - 1
            var subBucket = (index & (halfCount - 1)) + halfCount
            if bucket < 0 {
                subBucket -= halfCount
                bucket = 0
            }
            return UInt64(subBucket) << bucket
        }
    }

    private static func uncompressedPayload(base64: String) -> Data? {
        guard let data = Data(base64Encoded: base64), data.count > 8, data.bigEndianUInt32(at: 0) == compressedCookie
        else {
            return nil
        }
        let compressedLength = Int(data.bigEndianUInt32(at: 4))
        var output = [UInt8](repeating: 0, count: max(1 << 16, compressedLength * 64))
        var length = output.count
        let body = Array(data.dropFirst(8).prefix(compressedLength))
        guard czlib_uncompress(body, body.count, &output, &length) == 0 else { return nil }
        let raw = Data(output.prefix(length))
        guard raw.count >= 40, raw.bigEndianUInt32(at: 0) == cookie else { return nil }
        return raw
    }

    private static func counts(of raw: Data) -> [UInt64]? {
        var counts: [UInt64] = []
        var reader = ZigZag.Reader(data: raw.dropFirst(40))
        while let value = reader.next() {
            // A damaged encoding must not make us allocate without bound: no real histogram has this many buckets.
            guard value > -Int64(maxCounts), counts.count < maxCounts else { return nil }
            if value < 0 { counts += Array(repeating: 0, count: Int(-value)) } else { counts.append(UInt64(value)) }
        }
        return counts
    }
}

/// ZigZag-encoded LEB128 as HdrHistogram writes it: at most 9 bytes, the 9th carrying 8 full bits.
enum ZigZag {
    static func append(_ value: Int64, to data: inout Data) {
        var encoded = UInt64(bitPattern: (value << 1) ^ (value >> 63))
        for _ in 0..<8 {
            if encoded < 0x80 {
                data.append(UInt8(encoded))
                return
            }
            data.append(UInt8(encoded & 0x7F) | 0x80)
            encoded >>= 7
        }
        data.append(UInt8(truncatingIfNeeded: encoded))
    }

    struct Reader {
        var data: Data.SubSequence

        mutating func next() -> Int64? {
            guard !data.isEmpty else { return nil }
            var result: UInt64 = 0
            var shift: UInt64 = 0
            for byteIndex in 0..<9 {
                guard let byte = data.popFirst() else { return nil }
                if byteIndex == 8 {
                    result |= UInt64(byte) << shift
                    break
                }
                result |= UInt64(byte & 0x7F) << shift
                if byte & 0x80 == 0 { break }
                shift += 7
            }
            return Int64(bitPattern: (result >> 1) ^ (0 &- (result & 1)))
        }
    }
}

extension Data {
    mutating func appendBigEndian<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.bigEndian) { append(contentsOf: $0) }
    }

    func bigEndianUInt32(at offset: Int) -> UInt32 {
        let start = startIndex + offset
        return self[start..<start + 4].reduce(0) { ($0 << 8) | UInt32($1) }
    }

    func bigEndianUInt64(at offset: Int) -> UInt64 {
        let start = startIndex + offset
        return self[start..<start + 8].reduce(0) { ($0 << 8) | UInt64($1) }
    }
}
