import Foundation

/// A request for assistance submitted through the public form.
struct Demande: Sendable {
    struct Attachment: Sendable {
        let filename: String
        let size: Int
    }

    let reference: String
    let nom: String
    let email: String
    let telephone: String?
    let region: String
    let typeDemande: String
    let message: String
    /// Only the name and size are kept: storing uploaded bytes would let a load test exhaust memory.
    let attachment: Attachment?
    let createdAt: Date
}

/// The choices offered by the request form.
enum DemandeOptions {
    /// Senegal's fourteen regions, as the form lists and validates them (`in:` rule).
    static let regions = [
        "Dakar", "Diourbel", "Fatick", "Kaffrine", "Kaolack", "Kédougou", "Kolda",
        "Louga", "Matam", "Saint-Louis", "Sédhiou", "Tambacounda", "Thiès", "Ziguinchor",
    ]

    static let types: [(value: String, label: String)] = [
        ("aide_alimentaire", "Aide alimentaire"),
        ("appui_nutritionnel", "Appui nutritionnel"),
        ("information", "Demande d'information"),
        ("partenariat", "Partenariat"),
        ("autre", "Autre"),
    ]

    /// Used when the form is posted without a type, as the select's first option would be.
    static let defaultType = "aide_alimentaire"
}
