#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Nanoseconds on the monotonic clock: immune to wall-clock jumps, and read without a system call
/// (vDSO), so the event loop can read it for every completion.
enum MonotonicClock {
    @inline(__always)
    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// `seconds` in nanoseconds, saturating: user-given durations can be absurd (`--allow-huge-run`,
    /// a tiny `--rate`) and must not trap; anything beyond a century is as good as forever.
    static func nanoseconds(_ seconds: Double) -> UInt64 {
        guard seconds > 0 else { return 0 }
        return seconds >= 3e9 ? 3_000_000_000 * 1_000_000_000 : UInt64(seconds * 1e9)
    }
}
