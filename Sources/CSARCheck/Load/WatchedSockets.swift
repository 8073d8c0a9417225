#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The sockets libcurl asks to be watched, as the `pollfd` array `poll` takes: adding, changing and
/// removing one is O(1) and makes no system call (where epoll would need an `epoll_ctl` for each).
struct WatchedSockets {
    private(set) var descriptors: [pollfd] = []
    /// `position[fd]` is the index of `fd` in `descriptors` plus one; 0 when it is not watched.
    private var position: [Int32] = []
    /// Reused by `ready()`: a turn allocates nothing.
    private var readyScratch: [pollfd] = []

    /// Starts or changes the watch on `socket` for `events` (`POLLIN`, `POLLOUT` or both).
    mutating func watch(_ socket: Int32, events: Int16) {
        let fd = Int(socket)
        if fd >= position.count { position.append(contentsOf: repeatElement(0, count: fd + 1 - position.count)) }
        if position[fd] == 0 {
            descriptors.append(pollfd(fd: socket, events: events, revents: 0))
            position[fd] = Int32(descriptors.count)
        } else {
            descriptors[Int(position[fd]) - 1].events = events
        }
    }

    /// Stops watching `socket`: the last entry takes its place.
    mutating func forget(_ socket: Int32) {
        let fd = Int(socket)
        guard fd < position.count, position[fd] != 0 else { return }
        let index = Int(position[fd]) - 1
        position[fd] = 0
        let last = descriptors.removeLast()
        guard index < descriptors.count else { return }
        descriptors[index] = last
        position[Int(last.fd)] = Int32(index + 1)
    }

    /// Waits up to `milliseconds` for a watched socket to become ready; returns the ready ones, copied
    /// out so that acting on them may change the watch list.
    mutating func ready(waitingAtMost milliseconds: Int32) -> [pollfd] {
        readyScratch.removeAll(keepingCapacity: true)
        let count = descriptors.withUnsafeMutableBufferPointer { buffer in
            poll(buffer.baseAddress, nfds_t(buffer.count), milliseconds)
        }
        guard count > 0 else { return readyScratch }
        for descriptor in descriptors where descriptor.revents != 0 {
            readyScratch.append(descriptor)
            if readyScratch.count == count { break }
        }
        return readyScratch
    }
}
