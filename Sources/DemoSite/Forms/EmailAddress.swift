/// A pragmatic e-mail check close to what Laravel's default `email` rule (RFC validation) accepts:
/// one `@`, a dot-atom local part and a domain of letter, digit and hyphen labels.
enum EmailAddress {
    private static let localSpecials = Set("!#$%&'*+-/=?^_`{|}~")

    static func isValid(_ address: String) -> Bool {
        let halves = address.split(separator: "@", omittingEmptySubsequences: false)
        guard halves.count == 2, let local = halves.first, let domain = halves.last,
            !local.isEmpty, local.utf8.count <= 64, !domain.isEmpty, domain.utf8.count <= 255
        else { return false }
        return isDotAtom(local) && isDomain(domain)
    }

    private static func isDotAtom(_ local: Substring) -> Bool {
        let atoms = local.split(separator: ".", omittingEmptySubsequences: false)
        return atoms.allSatisfy { atom in
            !atom.isEmpty && atom.allSatisfy { $0.isLetter || $0.isNumber || localSpecials.contains($0) }
        }
    }

    private static func isDomain(_ domain: Substring) -> Bool {
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        return labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && label.first != "-" && label.last != "-"
                && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
        }
    }
}
