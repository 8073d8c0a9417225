import Foundation
import Synchronization

/// Submitted requests, numbered `CSAR-YEAR-000001`, `CSAR-YEAR-000002`, … in order of arrival.
final class DemandeStore: Sendable {
    /// Everything submitted during a demo or load test of the CLI's size, while bounding memory.
    static let capacity = 10_000

    /// A validated submission waiting for its reference.
    struct Draft: Sendable {
        var nom: String
        var email: String
        var telephone: String?
        var region: String
        var typeDemande: String
        var message: String
        var attachment: Demande.Attachment?
    }

    private struct State {
        var nextNumber = 1
        var byReference: [String: Demande] = [:]
        var order: [String] = []
    }

    private let state = Mutex(State())

    /// Stores `draft` under the next reference and returns the stored request.
    func create(_ draft: Draft, now: Date = Date()) -> Demande {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let year = calendar.component(.year, from: now)
        return state.withLock { state in
            let number = String(state.nextNumber)
            let reference = "CSAR-\(year)-" + String(repeating: "0", count: max(0, 6 - number.count)) + number
            state.nextNumber += 1
            let demande = Demande(
                reference: reference,
                nom: draft.nom,
                email: draft.email,
                telephone: draft.telephone,
                region: draft.region,
                typeDemande: draft.typeDemande,
                message: draft.message,
                attachment: draft.attachment,
                createdAt: now
            )
            state.byReference[reference] = demande
            state.order.append(reference)
            if state.order.count > Self.capacity {
                let dropped = state.order.removeFirst()
                state.byReference[dropped] = nil
            }
            return demande
        }
    }

    func find(reference: String) -> Demande? {
        state.withLock { $0.byReference[reference] }
    }

    /// The newest requests first.
    func recent(limit: Int) -> [Demande] {
        state.withLock { state in state.order.suffix(limit).reversed().compactMap { state.byReference[$0] } }
    }

    /// How many requests were ever submitted (references keep counting after old entries are dropped).
    var count: Int { state.withLock { $0.nextNumber - 1 } }
}
