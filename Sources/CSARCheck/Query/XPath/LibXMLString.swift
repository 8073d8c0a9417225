internal import CLibXML

/// Converts a string returned by the CLibXML shim and releases it, since the shim hands over ownership.
func takeLibXMLString(_ pointer: UnsafeMutablePointer<CChar>?) -> String? {
    guard let pointer else {
        return nil
    }
    defer { cxml_string_free(pointer) }
    return String(cString: pointer)
}
