import Foundation
import Synchronization

/// In-memory session storage keyed by session id, standing in for Laravel's file or Redis driver.
///
/// Load tests open thousands of sessions (every cookie-less request gets one, as in Laravel), so entries
/// expire after the session lifetime and the store never grows past `capacity`.
final class SessionStore: Sendable {
    /// Laravel's default `SESSION_LIFETIME` of 120 minutes.
    static let lifetimeSeconds = 7_200

    private struct Entry {
        var data: SessionData
        var lastSeen: Date
    }

    private let entries = Mutex<[String: Entry]>([:])
    private let capacity: Int

    init(capacity: Int = 50_000) {
        self.capacity = capacity
    }

    /// The session named by the cookie, or a new one when the id is missing, unknown or expired.
    func open(id: String?, now: Date = Date()) -> Session {
        let lifetime = TimeInterval(Self.lifetimeSeconds)
        let existing: SessionData? = entries.withLock { entries in
            guard let id, let entry = entries[id] else { return nil }
            guard now.timeIntervalSince(entry.lastSeen) < lifetime else {
                entries[id] = nil
                return nil
            }
            return entry.data
        }
        if let id, let existing {
            return Session(id: id, data: existing)
        }
        return Session(id: RandomToken.make(), data: SessionData())
    }

    /// Stores the session under its current id, dropping the old id if it was regenerated.
    func save(_ session: Session, now: Date = Date()) {
        let id = session.id
        let data = session.data
        entries.withLock { entries in
            if session.originalID != id {
                entries[session.originalID] = nil
            }
            entries[id] = Entry(data: data, lastSeen: now)
            if entries.count > capacity {
                Self.evict(from: &entries, now: now, targetCount: capacity * 9 / 10)
            }
        }
    }

    var count: Int { entries.withLock { $0.count } }

    /// Drops expired sessions, then the least recently used ones, down to `targetCount`. Evicting in bulk
    /// keeps this O(n log n) sweep rare under sustained load.
    private static func evict(from entries: inout [String: Entry], now: Date, targetCount: Int) {
        let lifetime = TimeInterval(lifetimeSeconds)
        entries = entries.filter { now.timeIntervalSince($0.value.lastSeen) < lifetime }
        guard entries.count > targetCount else { return }
        let oldest = entries.sorted { $0.value.lastSeen < $1.value.lastSeen }.prefix(entries.count - targetCount)
        for (id, _) in oldest {
            entries[id] = nil
        }
    }
}
