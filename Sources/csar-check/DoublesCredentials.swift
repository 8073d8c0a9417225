import CSARCheck

/// The credentials `csar-check doubles` checks requests with, read from the site's Laravel `.env` files (a
/// later file wins over an earlier one; the process environment is not read: the doubles must check what
/// the site sends, and the site reads its `.env`).
struct DoublesCredentials {
    static let smsKeys = ["SMS_CLIENT_ID", "SMS_CLIENT_SECRET"]
    static let pusherKeys = ["PUSHER_APP_ID", "PUSHER_APP_KEY", "PUSHER_APP_SECRET"]

    private var values: [String: String]

    /// Reads `files`, and checks that each key the doubles asked for is set and not empty.
    /// - Throws: `CommandFailure` (exit code 2) naming the files and every missing key.
    init(files: [String], sms: Bool, pusher: Bool) throws {
        var values: [String: String] = [:]
        for file in files {
            do {
                values.merge(try EnvFile.load(path: file)) { _, later in later }
            } catch {
                throw CommandFailure(message: "\(error); nothing was started", verdict: .configurationError)
            }
        }
        let wanted =
            (sms ? Self.smsKeys.map { ($0, "--sms-listen") } : [])
            + (pusher ? Self.pusherKeys.map { ($0, "--pusher-listen") } : [])
        let missing = wanted.filter { values[$0.0, default: ""].isEmpty }.map { key, flag in
            "\(key) (\(values[key] == nil ? "" : "empty; ")for \(flag))"
        }
        guard missing.isEmpty else {
            let source = files.count == 1 ? files[0] : "any of " + files.joined(separator: ", ")
            throw CommandFailure(
                message: "\(source) does not set \(missing.joined(separator: ", ")): the doubles check the "
                    + "site's credentials with them; nothing was started",
                verdict: .configurationError)
        }
        self.values = values
    }

    subscript(key: String) -> String { values[key, default: ""] }
}
