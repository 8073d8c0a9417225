import Foundation

/// Why the SMS double refused a request: the kind of refusal (which fixes the status and Orange's error
/// body) and the reason recorded, in plain words that never repeat a secret or a token.
struct OrangeSMSRefusal: Error, Equatable {
    enum Kind: Equatable {
        /// Token endpoint, 401: missing or wrong client credentials.
        case invalidClient
        /// Token endpoint, 400: no `grant_type`.
        case invalidRequest
        /// Token endpoint, 400: a grant other than `client_credentials`.
        case unsupportedGrantType
        /// SMS endpoint, 401: no token, or one the double did not issue.
        case invalidToken
        /// SMS endpoint, 401: a token past its lifetime.
        case expiredToken
        /// SMS endpoint, 400: a body of the wrong shape.
        case invalidInput
        /// 404: no such endpoint.
        case notFound
    }

    var kind: Kind
    var reason: String

    var status: Int {
        switch kind {
        case .invalidClient, .invalidToken, .expiredToken: 401
        case .invalidRequest, .unsupportedGrantType, .invalidInput: 400
        case .notFound: 404
        }
    }
}

/// What an accepted `outboundSMSMessageRequest` asks for.
struct OrangeSMSOutbound: Equatable {
    var address: String
    var senderAddress: String
    var senderName: String?
    var message: String
}

/// The checks of Orange's SMS API, as pure functions of what a request carries.
enum OrangeSMSRules {
    /// Checks `Authorization: Basic base64(id:secret)` against the configured client.
    static func checkClient(
        authorization: String?, clientID: String, clientSecret: String
    ) -> OrangeSMSRefusal? {
        func refused(_ reason: String) -> OrangeSMSRefusal { OrangeSMSRefusal(kind: .invalidClient, reason: reason) }
        guard let authorization, !authorization.isEmpty else {
            return refused("no client credentials (no Authorization: Basic header)")
        }
        guard let encoded = credentials(authorization, scheme: "Basic") else {
            return refused("the Authorization header is not Basic credentials")
        }
        guard let decoded = Data(base64Encoded: encoded).flatMap({ String(data: $0, encoding: .utf8) }),
            let colon = decoded.firstIndex(of: ":")
        else {
            return refused("unreadable Basic credentials (not base64 of id:secret)")
        }
        guard decoded[..<colon] == clientID else { return refused("unknown client id") }
        guard decoded[decoded.index(after: colon)...] == clientSecret else { return refused("wrong client secret") }
        return nil
    }

    /// Checks the form body's `grant_type=client_credentials`.
    static func checkGrant(formBody: Data) -> OrangeSMSRefusal? {
        let fields = formFields(String(decoding: formBody, as: UTF8.self))
        guard let grant = fields["grant_type"] else {
            return OrangeSMSRefusal(kind: .invalidRequest, reason: "grant_type missing from the form body")
        }
        guard grant == "client_credentials" else {
            return OrangeSMSRefusal(
                kind: .unsupportedGrantType, reason: "grant_type '\(grant.prefix(40))' is not client_credentials")
        }
        return nil
    }

    /// The token of `Authorization: Bearer TOKEN`, or why there is none.
    static func bearerToken(authorization: String?) -> Result<String, OrangeSMSRefusal> {
        guard let authorization, !authorization.isEmpty else {
            return .failure(OrangeSMSRefusal(kind: .invalidToken, reason: "no bearer token"))
        }
        guard let token = credentials(authorization, scheme: "Bearer"), !token.isEmpty else {
            return .failure(
                OrangeSMSRefusal(kind: .invalidToken, reason: "the Authorization header is not a bearer token"))
        }
        return .success(token)
    }

    /// Reads `{"outboundSMSMessageRequest":{…}}` sent to the path of `pathSender` (percent-decoded).
    static func outbound(body: Data, pathSender: String) -> Result<OrangeSMSOutbound, OrangeSMSRefusal> {
        func refused(_ reason: String) -> Result<OrangeSMSOutbound, OrangeSMSRefusal> {
            .failure(OrangeSMSRefusal(kind: .invalidInput, reason: reason))
        }
        guard let root = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else {
            return refused("the body is not a JSON object")
        }
        guard let request = root["outboundSMSMessageRequest"] as? [String: Any] else {
            return refused("outboundSMSMessageRequest missing")
        }
        guard let address = request["address"] as? String, !address.isEmpty else { return refused("address missing") }
        guard isTelURI(address) else { return refused("address '\(address.prefix(40))' is not tel:+ and digits") }
        guard let sender = request["senderAddress"] as? String, !sender.isEmpty else {
            return refused("senderAddress missing")
        }
        guard sender == pathSender else {
            return refused("senderAddress '\(sender.prefix(40))' does not match the path's '\(pathSender.prefix(40))'")
        }
        guard isTelURI(sender) else { return refused("senderAddress '\(sender.prefix(40))' is not tel:+ and digits") }
        if let name = request["senderName"], !(name is String) { return refused("senderName is not text") }
        guard let text = request["outboundSMSTextMessage"] as? [String: Any], let message = text["message"] as? String
        else {
            return refused("outboundSMSTextMessage.message missing")
        }
        guard !message.isEmpty else { return refused("outboundSMSTextMessage.message is empty") }
        return .success(
            OrangeSMSOutbound(
                address: address, senderAddress: sender, senderName: request["senderName"] as? String,
                message: message))
    }

    /// `tel:+` and 4 to 15 digits.
    static func isTelURI(_ text: String) -> Bool {
        guard text.hasPrefix("tel:+") else { return false }
        let digits = text.dropFirst(5)
        return (4...15).contains(digits.count) && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// The credentials after `scheme` (compared without case, as HTTP does), nil for another scheme.
    private static func credentials(_ authorization: String, scheme: String) -> String? {
        let parts = authorization.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == scheme.lowercased() else { return nil }
        return parts[1].trimmingCharacters(in: .whitespaces)
    }

    /// `application/x-www-form-urlencoded` fields; a repeated name keeps its first value.
    static func formFields(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decoded(_ part: Substring) -> String {
                let spaced = part.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            let name = decoded(parts[0])
            if fields[name] == nil { fields[name] = parts.count > 1 ? decoded(parts[1]) : "" }
        }
        return fields
    }
}
