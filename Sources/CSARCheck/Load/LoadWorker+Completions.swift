internal import CCurl

/// Recording what finished, timing out what takes too long, and ending the lane.
extension LoadWorker {
    /// Records every transfer libcurl has finished and frees its slot; returns how many there were.
    @discardableResult
    func collectCompletions() -> Int {
        var count = 0
        var now: UInt64 = 0
        while let completion = multi.nextCompletion() {
            if count == 0 {
                now = MonotonicClock.now()
                tick(now)
            }
            let slot = slots[LoadSlot.index(of: completion.easy)]
            detach(slot)
            if completion.code != CURLE_OK, retryOnNewConnection(slot, failedWith: completion.code) { continue }
            count += 1
            lastCompletion = now
            if completion.code == CURLE_OK {
                record(responseOn: slot, now: now)
            } else {
                let message = slot.easy.errorMessage(for: completion.code)
                let url = plan.targets[slot.target].url
                record(
                    failure: TransportError(code: completion.code, url: url, message: message, easy: slot.easy),
                    slot: slot)
            }
        }
        return count
    }

    /// Sends again, once, a request whose kept-alive connection the server had closed without saying so,
    /// as ab and browsers do; it keeps its start time, so the latency includes the lost attempt.
    /// libcurl retries such requests itself, but 7.88 counts those retries over the easy handle's whole life
    /// instead of per request (fixed in curl 8.17, curl issue #18926): our handles live for the whole run, so
    /// every sixth dead connection it met surfaced as an error, 5–13 % of the requests against such a server.
    private func retryOnNewConnection(_ slot: LoadSlot, failedWith code: CURLcode) -> Bool {
        guard !slot.retried, slot.diedOnReusedConnection(code), multi.add(slot.easy) else { return false }
        slot.retried = true
        slot.inFlight = true
        return true
    }

    /// Records an answer and tells the machine.
    func record(responseOn slot: LoadSlot, now: UInt64) {
        let status = slot.easy.info(long: CURLINFO_RESPONSE_CODE)
        let sample = slot.sample(completedAt: now)
        tally.recordResponse(
            status: status, bodySize: Int(slot.easy.info(int64: CURLINFO_SIZE_DOWNLOAD_T)),
            headerSize: slot.easy.info(long: CURLINFO_HEADER_SIZE),
            newConnections: slot.easy.info(long: CURLINFO_NUM_CONNECTS), sample: sample
        )
        secondSample.recordResponse(status: status, micros: sample.total)
        if tally.serverSoftware == nil { tally.serverSoftware = slot.serverHeader() ?? "" }
        idle.append(slot.index)
        machine.finished(answered: true)
    }

    /// Records a request that got no answer and tells the machine whether nothing answered at the address.
    func record(failure error: TransportError, slot: LoadSlot) {
        tally.recordFailure(error, newConnections: slot.easy.info(long: CURLINFO_NUM_CONNECTS))
        secondSample.recordFailure()
        idle.append(slot.index)
        machine.finished(answered: false, unreachable: error.isUnreachable)
    }

    /// Hands every second that has ended to the timeline (empty ones too, so it knows this lane is alive).
    func tick(_ now: UInt64) {
        let current = Int((now - min(now, origin)) / 1_000_000_000)
        guard second < current else { return }
        while second < current {
            timeline.publish(second: second, sample: secondSample)
            secondSample.reset()
            second += 1
        }
        onSecondEnded?(now)
    }

    /// Ends requests past their connect or total timeout, when the machine says (every `maxWait` at most).
    /// Done here rather than with `CURLOPT_TIMEOUT_MS`/`CONNECTTIMEOUT_MS`, which arm two libcurl timers per
    /// request: measurably more CPU per request than this sweep over a few connections ten times a second.
    func sweepTimeouts(_ now: UInt64) {
        for slot in slots where slot.inFlight {
            let elapsed = Double(now - min(now, slot.started)) / 1e9
            let total = plan.targets[slot.target].totalTimeout ?? plan.transfer.totalTimeout
            let connecting = slot.easy.info(int64: CURLINFO_PRETRANSFER_TIME_T) == 0
            guard elapsed >= total || (connecting && elapsed >= plan.transfer.connectTimeout) else { continue }
            detach(slot)
            let phase: TransportError.Phase = connecting ? .connect : .timeout
            let message = "no \(connecting ? "connection" : "complete response") after \(DurationText.format(elapsed))"
            let code = Int(CURLE_OPERATION_TIMEDOUT.rawValue)
            let error = TransportError(url: plan.targets[slot.target].url, phase: phase, code: code, message: message)
            record(failure: error, slot: slot)
            // A run of timeouts ends when the last one is given up: "Time taken for tests" counts until then.
            lastCompletion = now
        }
    }

    /// Detaches requests still running; they are not counted (as with ab and wrk) but reported.
    func abandonInFlight() -> Int {
        var abandoned = 0
        for slot in slots where slot.inFlight {
            detach(slot)
            abandoned += 1
        }
        return abandoned
    }

    private func detach(_ slot: LoadSlot) {
        multi.remove(slot.easy)
        slot.inFlight = false
    }
}
