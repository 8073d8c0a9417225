internal import CCurl

/// Owns one libcurl multi handle: many transfers driven by one thread with `curl_multi_perform`,
/// the connections they leave open kept for the next ones.
///
/// Measured on libcurl 7.88, the event-driven alternative (`curl_multi_socket_action` over epoll) costs
/// more CPU per request, at 50 and at 500 connections: libcurl then frees and re-creates its per-socket
/// bookkeeping on every request, which outweighs the `poll` calls it saves.
/// Not thread-safe: the event-loop thread that made it drives it.
final class CurlMulti {
    /// A transfer libcurl has finished: the easy handle and how it ended.
    struct Completion {
        let easy: UnsafeMutableRawPointer
        let code: CURLcode
    }

    private let handle: UnsafeMutableRawPointer

    init() {
        CurlGlobal.ensureInitialized()
        guard let handle = curl_multi_init() else {
            fatalError("curl_multi_init failed: out of memory")
        }
        self.handle = handle
    }

    /// Every easy handle must have been removed before: libcurl leaves added ones half-detached.
    deinit {
        curl_multi_cleanup(handle)
    }

    /// Queues the transfer `easy` is configured for; it starts at the next `perform`.
    func add(_ easy: CurlEasy) -> Bool {
        curl_multi_add_handle(handle, easy.handle) == CURLM_OK
    }

    /// Detaches `easy`, finished or not; its connection goes back to the pool if it is still usable.
    func remove(_ easy: CurlEasy) {
        curl_multi_remove_handle(handle, easy.handle)
    }

    /// Moves every transfer on as far as it can go without blocking.
    func perform() {
        var running: Int32 = 0
        curl_multi_perform(handle, &running)
    }

    /// Sleeps until a transfer's socket is ready, libcurl has a timer due, or `milliseconds` pass.
    func poll(milliseconds: Int32) {
        var ready: Int32 = 0
        curl_multi_poll(handle, nil, 0, milliseconds, &ready)
    }

    /// The next finished transfer, or nil when there is none left to report.
    func nextCompletion() -> Completion? {
        var queued: Int32 = 0
        while let message = curl_multi_info_read(handle, &queued) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle else { continue }
            return Completion(easy: easy, code: message.pointee.data.result)
        }
        return nil
    }
}
