/// Finds the secrets a response hands out whether or not a scenario captures them — CSRF tokens in the
/// page (`<meta name="csrf-token">`, hidden `_token`, `csrfmiddlewaretoken`, `authenticity_token`,
/// `__RequestVerificationToken`…), JSON members named like credentials, session and XSRF cookies — so that
/// every output masks them. Names (of fields, metas, cookies) are never secrets: `<meta name="csrf-param">`
/// holds a field name and is left alone.
enum TokenScanner {
    /// Shorter values are not taken for tokens (`remember=1`, `deleted`).
    static let minimumLength = 8
    /// Cookies whose values are credentials by name; any other cookie counts when its value is this long.
    static let sensitiveCookiePattern = try? RegexPattern(
        "(?i)(sess|sid|token|xsrf|csrf|auth|remember|jwt|maintenance|secret)")
    static let longCookieValue = 16
    /// Hidden inputs and JSON members holding tokens.
    static let tokenFieldPattern = try? RegexPattern(
        "(?i)(csrf|xsrf|token|nonce|authenticity|verification|secret|pass(word|wd)?)")

    static let metas = HTMLFormReader.fixed("//meta[@name and @content]")
    static let inputs = HTMLFormReader.fixed("//input[@name and @value]")

    /// Every token-like value of the response: its page, its JSON, its `Set-Cookie` headers, the cookie jar.
    static func secrets(in view: ResponseView) -> [String] {
        var found = view.response.headerValues("Set-Cookie").compactMap(setCookieValue)
        found += view.cookies.filter { isSecretCookie(name: $0.name, value: $0.value) }.map(\.value)
        let contentType = view.response.header("Content-Type")?.lowercased() ?? ""
        if contentType.contains("json") || (contentType.isEmpty && view.text.first == "{"),
            case .success(let document) = view.jsonBody()
        {
            found += secrets(inJSON: document)
        }
        if contentType.contains("html") || (contentType.isEmpty && view.text.contains("<")),
            case .success(let document) = view.markupBody()
        {
            found += secrets(inPage: document)
        }
        return found.filter { $0.count >= minimumLength }
    }

    static func secrets(inPage document: MarkupDocument) -> [String] {
        var found: [String] = []
        for meta in (try? document.elements(metas)) ?? [] {
            let name = (meta.attribute("name") ?? "").lowercased()
            let namesAField = name.hasSuffix("param") || name.hasSuffix("parameter") || name.hasSuffix("header")
            if name.contains("csrf") || name.contains("xsrf") || name == "_token", !namesAField,
                let content = meta.attribute("content")
            {
                found.append(content)
            }
        }
        for input in (try? document.elements(inputs)) ?? [] {
            let name = input.attribute("name") ?? ""
            let isPassword = input.attribute("type")?.lowercased() == "password"
            if isPassword || tokenFieldPattern?.matches(name) == true, let value = input.attribute("value") {
                found.append(value)
            }
        }
        return found
    }

    /// String members (at any depth) named like tokens or credentials: `{"csrf_token": "…"}`, `{"password": …}`.
    static func secrets(inJSON value: JSONValue, depth: Int = 0) -> [String] {
        guard depth < 32 else { return [] }
        switch value {
        case .object(let object):
            return zip(object.keys, object.values).flatMap { key, member -> [String] in
                if tokenFieldPattern?.matches(key) == true, case .string(let text) = member { return [text] }
                return secrets(inJSON: member, depth: depth + 1)
            }
        case .array(let items):
            return items.flatMap { secrets(inJSON: $0, depth: depth + 1) }
        default:
            return []
        }
    }

    /// The value of a `Set-Cookie: name=value; …` header when the cookie holds a secret.
    static func setCookieValue(_ header: String) -> String? {
        let pair = header.prefix { $0 != ";" }
        guard let equals = pair.firstIndex(of: "=") else { return nil }
        let name = pair[..<equals].trimmingEdges(of: " ")
        let value = pair[pair.index(after: equals)...].trimmingEdges(of: " \"")
        return isSecretCookie(name: name, value: value) ? value : nil
    }

    static func isSecretCookie(name: String, value: String) -> Bool {
        value.count >= minimumLength
            && (sensitiveCookiePattern?.matches(name) == true || value.count >= longCookieValue)
    }
}
