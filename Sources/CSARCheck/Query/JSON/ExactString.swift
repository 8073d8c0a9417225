/// A string wrapper that compares and hashes by UTF-8 bytes (equivalently, by Unicode scalar values).
///
/// Swift's `String` equality uses canonical equivalence, so "é" and "e\u{301}" would collide as dictionary keys;
/// JSON object keys and regular-expression patterns must keep them apart.
struct ExactString: Hashable, Sendable {
    let value: String

    init(_ value: String) {
        self.value = value
    }

    static func == (lhs: ExactString, rhs: ExactString) -> Bool {
        lhs.value.utf8.elementsEqual(rhs.value.utf8)
    }

    func hash(into hasher: inout Hasher) {
        let hashedContiguously: Void? = value.utf8.withContiguousStorageIfAvailable { bytes in
            hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        }
        if hashedContiguously == nil {
            for byte in value.utf8 {
                hasher.combine(byte)
            }
        }
        hasher.combine(value.utf8.count)
    }
}
