/// Keyed hash standing in for Laravel's `hash_hmac('sha256', …, APP_KEY)`.
///
/// The demo keeps every session and cookie in memory, so a key that lives only as long as the process is
/// enough: SipHash (Swift's `Hasher`) is a keyed PRF, and a random per-process key is mixed in on top so the
/// result stays unpredictable even when `SWIFT_DETERMINISTIC_HASHING` is set.
enum Signer {
    private static let processKey = RandomToken.make(length: 32)

    /// A 32-hex-digit tag binding `message` to `secret`.
    static func mac(_ message: String, secret: String) -> String {
        // Two differently salted 64-bit rounds give a 128-bit tag, long enough that guessing is pointless.
        ["first", "second"].map { salt in
            var hasher = Hasher()
            hasher.combine(salt)
            hasher.combine(processKey)
            hasher.combine(secret)
            hasher.combine(message)
            let hex = String(UInt64(bitPattern: Int64(hasher.finalize())), radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}
