import Foundation

/// A file part of a multipart request.
struct UploadedFile: Sendable {
    /// The client's file name, stripped of any directory part.
    let filename: String
    let bytes: [UInt8]

    var size: Int { bytes.count }
}

/// The request input a Laravel controller sees through `$request->input()` and `$request->file()`.
struct FormInput: Sendable {
    /// PHP's `max_input_vars`: fields past this many are ignored rather than stored.
    static let maxFields = 1_000

    var fields: [String: String] = [:]
    var files: [String: UploadedFile] = [:]

    /// A field trimmed of surrounding whitespace, or nil when absent or blank. This mirrors Laravel's
    /// `TrimStrings` and `ConvertEmptyStringsToNull` middleware, which run before validation.
    subscript(_ name: String) -> String? {
        guard let value = fields[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
            return nil
        }
        return value
    }

    /// The field exactly as sent; passwords are exempt from trimming in Laravel.
    func raw(_ name: String) -> String? {
        fields[name]
    }

    /// Fields worth refilling a form with (`withInput()` minus the token and passwords).
    var oldInput: [String: String] {
        fields.filter { !["_token", "password", "password_confirmation"].contains($0.key) }
    }

    /// Parses a request body according to its `Content-Type`; unknown types yield no input, as in Laravel.
    /// - Throws: `FormInputError` for a multipart or JSON body that cannot be parsed.
    static func parse(contentType: String?, body: [UInt8]) throws(FormInputError) -> FormInput {
        let mediaType = contentType?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
        switch mediaType {
        case "application/x-www-form-urlencoded":
            return FormInput(fields: parseURLEncoded(body))
        case "multipart/form-data":
            guard let contentType, let boundary = MultipartParser.boundary(fromContentType: contentType) else {
                throw .missingBoundary
            }
            return try fromMultipart(MultipartParser.parse(body, boundary: boundary))
        case "application/json":
            return try fromJSON(body)
        default:
            return FormInput()
        }
    }

    private static func parseURLEncoded(_ body: [UInt8]) -> [String: String] {
        var fields: [String: String] = [:]
        let text = String(decoding: body, as: UTF8.self)
        for pair in text.split(separator: "&", omittingEmptySubsequences: true).prefix(maxFields) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = PercentEncoding.decodeFormComponent(parts[0])
            guard !name.isEmpty else { continue }
            // Like PHP, a repeated name keeps the last value.
            fields[name] = parts.count > 1 ? PercentEncoding.decodeFormComponent(parts[1]) : ""
        }
        return fields
    }

    private static func fromMultipart(_ parts: [MultipartPart]) -> FormInput {
        var input = FormInput()
        for part in parts.prefix(maxFields) {
            if let filename = part.filename {
                // Browsers send an empty, nameless file part when no file was chosen: that is "no file".
                guard !(filename.isEmpty && part.body.isEmpty) else { continue }
                input.files[part.name] = UploadedFile(filename: filename, bytes: part.body)
            } else {
                input.fields[part.name] = String(decoding: part.body, as: UTF8.self)
            }
        }
        return input
    }

    /// Laravel merges a JSON object body into the input; scalar members become strings.
    private static func fromJSON(_ body: [UInt8]) throws(FormInputError) -> FormInput {
        guard !body.isEmpty else { return FormInput() }
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
            throw .malformedJSON
        }
        var input = FormInput()
        for (key, value) in object.prefix(maxFields) {
            switch value {
            case let text as String: input.fields[key] = text
            case let number as NSNumber: input.fields[key] = number.stringValue
            default: continue
            }
        }
        return input
    }
}

/// Why a request body could not be read as form input; answered with 400.
enum FormInputError: Error, Equatable {
    case missingBoundary
    case malformedMultipart(String)
    case malformedJSON
}
