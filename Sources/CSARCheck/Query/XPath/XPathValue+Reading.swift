internal import CLibXML

extension XPathValue {
    /// Copies a shim result into Swift values; the caller still owns and frees `value`.
    init(reading value: OpaquePointer) {
        switch cxml_value_get_type(value) {
        case CXML_VALUE_NODESET:
            let count = cxml_value_node_count(value)
            self = .nodes((0..<count).map { takeLibXMLString(cxml_value_node_string(value, $0)) ?? "" })
        case CXML_VALUE_BOOLEAN:
            self = .boolean(cxml_value_boolean(value))
        case CXML_VALUE_NUMBER:
            self = .number(cxml_value_number(value))
        default:
            self = .string(takeLibXMLString(cxml_value_string(value)) ?? "")
        }
    }
}
