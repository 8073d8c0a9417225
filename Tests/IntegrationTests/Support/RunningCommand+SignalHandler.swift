import Foundation

extension RunningCommand {
    /// Waits until the process catches `signal` (its handler is installed: the signal's bit is set in
    /// /proc/PID/status's SigCgt), so a signal sent then is handled, not fatal. False after `timeout`.
    func waitUntilCatching(_ signal: Int32, timeout: TimeInterval = 10) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline && isRunning {
            if let status = try? String(contentsOfFile: "/proc/\(processIdentifier)/status", encoding: .utf8),
                let line = status.split(separator: "\n").first(where: { $0.hasPrefix("SigCgt:") }),
                let mask = UInt64(line.dropFirst("SigCgt:".count).trimmingCharacters(in: .whitespaces), radix: 16),
                mask & (1 << UInt64(signal - 1)) != 0
            {
                return true
            }
            Thread.sleep(forTimeInterval: 0.005)
        }
        return false
    }
}
