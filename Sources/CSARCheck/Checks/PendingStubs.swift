// TEMPORARY: stand-ins until the JSONPath module lands.
public struct JSONObject: Sendable, Equatable {
    public var members: [(key: String, value: JSONValue)]
    public static func == (a: JSONObject, b: JSONObject) -> Bool { a.members.count == b.members.count }
    public var count: Int { members.count }
}
public enum JSONValue: Sendable, Equatable {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object(JSONObject)
    public static func parse(_ data: [UInt8]) throws -> JSONValue { .null }
    public var typeName: String { "null" }
    public var jsonText: String { "" }
}
public struct JSONPath: Sendable {
    public init(_ expression: String) throws {}
    public func query(_ root: JSONValue) -> [JSONValue] { [] }
}
