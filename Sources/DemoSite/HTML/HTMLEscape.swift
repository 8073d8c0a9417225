/// Escapes text for HTML element content and double- or single-quoted attributes, like Blade's `{{ }}`.
func escapeHTML(_ text: String) -> String {
    var output = ""
    output.reserveCapacity(text.utf8.count)
    for character in text {
        switch character {
        case "&": output += "&amp;"
        case "<": output += "&lt;"
        case ">": output += "&gt;"
        case "\"": output += "&quot;"
        case "'": output += "&#039;"
        default: output.append(character)
        }
    }
    return output
}
