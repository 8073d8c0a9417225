/// Reads `tags:` of a file or a step: a list of names (`[functional, laravel]`) that `--tag` and `--skip`
/// select by. A tag is a word of letters, digits, `_`, `-` and `.`, so it can be typed on a command line
/// as it is written.
enum TagLoading {
    static func tags(_ fields: MappingFields) throws(ScenarioError) -> [String] {
        guard let node = fields.value("tags") else { return [] }
        let key = fields.keyPath("tags")
        var tags: [String] = []
        for (index, item) in ScalarReading.oneOrMany(node).enumerated() {
            let itemKey = node.sequence == nil ? key : "\(key)[\(index)]"
            let tag = try ScalarReading.string(item, key: itemKey, reader: fields.reader)
            guard isValid(tag) else {
                throw fields.reader.error(
                    at: item, key: itemKey,
                    "'\(tag)' is not a tag: use letters, digits, '_', '-' and '.' (e.g. laravel, slow-api)")
            }
            if !tags.contains(tag) { tags.append(tag) }
        }
        return tags
    }

    static func isValid(_ tag: String) -> Bool {
        !tag.isEmpty
            && tag.unicodeScalars.allSatisfy {
                $0.properties.isAlphabetic || ("0"..."9").contains($0) || "_-.".unicodeScalars.contains($0)
            }
    }
}
