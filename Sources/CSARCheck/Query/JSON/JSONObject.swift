/// A JSON object whose members keep their insertion order.
///
/// Order is kept so that serialized output reads like the original document; it does not affect equality, which
/// compares members by key as RFC 9535 requires. Keys are unique: assigning to an existing key replaces its value
/// in place. Keys compare by Unicode scalar values, not by canonical equivalence.
public struct JSONObject: Sendable, Equatable {
    /// Objects up to this size are searched linearly: most API objects are small, and scanning a few keys is
    /// cheaper than building and hashing into a dictionary. Larger objects get an index for O(1) lookups.
    private static let indexThreshold = 12

    /// The keys in insertion order.
    public private(set) var keys: [String] = []
    /// The values in insertion order, parallel to `keys`.
    public private(set) var values: [JSONValue] = []
    private var index: [ExactString: Int]?

    /// Creates an empty object.
    public init() {}

    /// Creates an object from key-value pairs; a repeated key keeps its first position and its last value.
    public init(_ members: some Sequence<(String, JSONValue)>) {
        for (key, value) in members {
            self[key] = value
        }
    }

    public var count: Int { keys.count }

    public var isEmpty: Bool { keys.isEmpty }

    /// The value for `key`, or `nil` if absent. Assigning `nil` removes the member.
    public subscript(key: String) -> JSONValue? {
        get {
            position(of: key).map { values[$0] }
        }
        set {
            if let position = position(of: key) {
                if let newValue {
                    values[position] = newValue
                } else {
                    removeMember(at: position)
                }
            } else if let newValue {
                appendMember(key, newValue)
            }
        }
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for (key, value) in lhs where rhs[key] != value {
            return false
        }
        return true
    }

    private func position(of key: String) -> Int? {
        if let index {
            return index[ExactString(key)]
        }
        return keys.firstIndex { $0.utf8.elementsEqual(key.utf8) }
    }

    private mutating func appendMember(_ key: String, _ value: JSONValue) {
        keys.append(key)
        values.append(value)
        if index != nil {
            index?[ExactString(key)] = keys.count - 1
        } else if keys.count > Self.indexThreshold {
            rebuildIndex()
        }
    }

    private mutating func removeMember(at position: Int) {
        keys.remove(at: position)
        values.remove(at: position)
        index = nil
        if keys.count > Self.indexThreshold {
            rebuildIndex()
        }
    }

    private mutating func rebuildIndex() {
        var newIndex = [ExactString: Int](minimumCapacity: keys.count)
        for (position, key) in keys.enumerated() {
            newIndex[ExactString(key)] = position
        }
        index = newIndex
    }
}

extension JSONObject: Sequence {
    public typealias Element = (key: String, value: JSONValue)

    /// Iterates members in insertion order.
    public struct Iterator: IteratorProtocol {
        private var keys: IndexingIterator<[String]>
        private var values: IndexingIterator<[JSONValue]>

        fileprivate init(_ object: JSONObject) {
            keys = object.keys.makeIterator()
            values = object.values.makeIterator()
        }

        public mutating func next() -> Element? {
            guard let key = keys.next(), let value = values.next() else { return nil }
            return (key, value)
        }
    }

    public func makeIterator() -> Iterator {
        Iterator(self)
    }

    public var underestimatedCount: Int { count }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }
}
