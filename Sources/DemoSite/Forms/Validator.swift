/// The few Laravel validation rules the CSAR forms use, with the French messages of `laravel-lang`.
///
/// As in Laravel, a missing value stops a field's other rules, and each method returns the validated value
/// (or nil) so a controller can read its data straight from the calls that checked it.
struct Validator {
    private let input: FormInput
    private(set) var errors = ValidationErrors()

    init(_ input: FormInput) {
        self.input = input
    }

    var failed: Bool { !errors.isEmpty }

    /// `required|string|min:…|max:…`
    mutating func required(_ field: String, _ label: String, min: Int = 0, max: Int = 255) -> String? {
        guard let value = input[field] else {
            errors.add("Le champ \(label) est obligatoire.", to: field)
            return nil
        }
        return checkedLength(value, field, label, min: min, max: max)
    }

    /// `nullable|string|max:…`
    mutating func optional(_ field: String, _ label: String, max: Int = 255) -> String? {
        guard let value = input[field] else { return nil }
        return checkedLength(value, field, label, min: 0, max: max)
    }

    /// `required|email|max:255`
    mutating func email(_ field: String, _ label: String) -> String? {
        guard let value = required(field, label) else { return nil }
        guard EmailAddress.isValid(value) else {
            errors.add("Le champ \(label) doit être une adresse e-mail valide.", to: field)
            return nil
        }
        return value
    }

    /// `required|in:…` (or `nullable|in:…` when `required` is false).
    mutating func oneOf(_ field: String, _ label: String, _ allowed: [String], required: Bool = true) -> String? {
        guard let value = input[field] else {
            if required {
                errors.add("Le champ \(label) est obligatoire.", to: field)
            }
            return nil
        }
        guard allowed.contains(value) else {
            errors.add("Le champ \(label) sélectionné est invalide.", to: field)
            return nil
        }
        return value
    }

    /// `required` for a field that is never trimmed, such as a password.
    mutating func requiredRaw(_ field: String, _ label: String) -> String? {
        guard let value = input.raw(field), !value.isEmpty else {
            errors.add("Le champ \(label) est obligatoire.", to: field)
            return nil
        }
        return value
    }

    /// `nullable|file|mimes:…|max:…` with `maxBytes` expressed in Laravel's kilobytes in the message.
    mutating func optionalFile(
        _ field: String,
        _ label: String,
        allowed: [FileKind],
        maxBytes: Int
    ) -> UploadedFile? {
        guard let file = input.files[field] else {
            // A text value where a file was expected is Laravel's `file` rule failing.
            if input[field] != nil {
                errors.add("Le champ \(label) doit être un fichier.", to: field)
            }
            return nil
        }
        guard let kind = FileKind(sniffing: file.bytes), allowed.contains(kind) else {
            let names = allowed.map(\.rawValue).joined(separator: ", ")
            errors.add("Le champ \(label) doit être un fichier de type : \(names).", to: field)
            return nil
        }
        guard file.size <= maxBytes else {
            errors.add("Le fichier \(label) ne doit pas dépasser \(maxBytes / 1_024) Ko.", to: field)
            return nil
        }
        return file
    }

    /// Adds a message that no rule produced, e.g. failed credentials.
    mutating func fail(_ field: String, _ message: String) {
        errors.add(message, to: field)
    }

    private mutating func checkedLength(
        _ value: String,
        _ field: String,
        _ label: String,
        min: Int,
        max: Int
    ) -> String? {
        if value.count < min {
            errors.add("Le champ \(label) doit contenir au moins \(min) caractères.", to: field)
            return nil
        }
        if value.count > max {
            errors.add("Le champ \(label) ne doit pas dépasser \(max) caractères.", to: field)
            return nil
        }
        return value
    }
}
