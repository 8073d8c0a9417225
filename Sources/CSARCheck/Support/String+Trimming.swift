/// Trimming without Foundation's character sets: a set of characters given as a string, and line ends.
extension String {
    func trimmingNewline() -> String {
        var text = Substring(self)
        while let last = text.last, last.isNewline { text.removeLast() }
        return String(text)
    }
}

extension StringProtocol {
    func trimmingEdges(of set: String) -> String {
        var text = Substring(self)
        while let first = text.first, set.contains(first) { text.removeFirst() }
        while let last = text.last, set.contains(last) { text.removeLast() }
        return String(text)
    }
}
