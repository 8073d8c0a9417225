import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The testcases of a JUnit file as a CI server lists them: `classname › name` and the outcome.
struct JUnitCases {
    enum Outcome: String { case passed, failure, error, skipped }

    struct Case: Equatable {
        var classname: String
        var name: String
        var outcome: Outcome

        /// `demande-form › Valid request is accepted`, the way the tests name an expected red testcase.
        var title: String { "\(classname) › \(name)" }
    }

    let cases: [Case]

    init(file: URL) throws {
        let data = try Data(contentsOf: file)
        let collector = Collector()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        guard parser.parse() else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: file.path])
        }
        cases = collector.cases
    }

    /// Failed or errored testcases, in report order.
    var red: [Case] { cases.filter { $0.outcome == .failure || $0.outcome == .error } }

    var passed: [Case] { cases.filter { $0.outcome == .passed } }

    var skipped: [Case] { cases.filter { $0.outcome == .skipped } }

    private final class Collector: NSObject, XMLParserDelegate {
        var cases: [Case] = []

        func parser(
            _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            switch element {
            case "testcase":
                let classname = attributes["classname"] ?? ""
                let name = attributes["name"] ?? ""
                cases.append(Case(classname: classname, name: name, outcome: .passed))
            case "failure", "error", "skipped":
                if !cases.isEmpty, let outcome = Outcome(rawValue: element) {
                    cases[cases.count - 1].outcome = outcome
                }
            default:
                break
            }
        }
    }
}
