internal import CCurl

/// A `curl_slist` built from Swift strings, freed when the value is released.
final class StringList {
    private(set) var pointer: UnsafeMutablePointer<curl_slist>?

    init(_ strings: [String]) {
        for string in strings {
            pointer = curl_slist_append(pointer, string)
        }
    }

    deinit {
        curl_slist_free_all(pointer)
    }

    static func strings(in list: UnsafeMutablePointer<curl_slist>?) -> [String] {
        var strings: [String] = []
        var node = list
        while let current = node {
            if let data = current.pointee.data {
                strings.append(String(cString: data))
            }
            node = current.pointee.next
        }
        return strings
    }
}
