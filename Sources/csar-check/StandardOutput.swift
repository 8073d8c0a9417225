#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Darwin)
    @preconcurrency import Darwin
#endif

/// Standard output as CI logs need it.
enum StandardOutput {
    /// Line by line even into a pipe (stdio buffers a pipe by blocks of 4 KB otherwise): a CI log shows each
    /// step as it ends, also against a server that hangs, and standard error's lines never land in the
    /// middle of one of standard output's. Call it before anything is printed.
    static func flushEachLine() {
        setvbuf(stdout, nil, _IOLBF, 0)
    }
}
