/// Takes a value from a response into a variable for later steps: the first value its query selects.
public struct Capture: Sendable {
    public enum Decoding: String, Sendable {
        /// Percent-decoding, for cookies such as `XSRF-TOKEN` that Laravel sends URL-encoded.
        case url
    }

    public var variable: String
    public var query: ResponseQuery
    public var decoding: Decoding?
    public var secret: Bool
    public var location: SourceLocation
}
