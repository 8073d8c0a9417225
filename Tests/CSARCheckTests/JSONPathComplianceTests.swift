import Foundation
import XCTest

@testable import CSARCheck

/// Runs the RFC 9535 JSONPath Compliance Test Suite (github.com/jsonpath-standard/jsonpath-compliance-test-suite),
/// a copy of which is kept in `Tests/Data` (see its README for the origin and licence).
final class JSONPathComplianceTests: XCTestCase {
    /// Cases that cannot pass, by name, each with the reason. Empty: every case passes.
    private static let knownFailures: Set<String> = []

    /// `<repository root>/Tests/Data/jsonpath-cts.json`, where this file is `<repository root>/Tests/<target>/`.
    private static let suiteURL: URL = {
        let repositoryRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
        return repositoryRoot.appendingPathComponent("Tests/Data/jsonpath-cts.json")
    }()

    func testComplianceSuite() throws {
        guard FileManager.default.fileExists(atPath: Self.suiteURL.path) else {
            XCTFail("JSONPath compliance suite not found at \(Self.suiteURL.path)")
            return
        }
        let suite = try JSONValue.parse(Data(contentsOf: Self.suiteURL))
        guard let cases = suite["tests"]?.arrayValue, !cases.isEmpty else {
            XCTFail("no test cases in \(Self.suiteURL.path)")
            return
        }

        var failures: [(name: String, reason: String)] = []
        for testCase in cases {
            let name = testCase["name"]?.stringValue ?? "<unnamed>"
            if let reason = Self.failureReason(testCase) {
                failures.append((name, reason))
            }
        }

        print("JSONPath CTS: \(cases.count - failures.count)/\(cases.count) passed")
        for failure in failures {
            print("  FAILED \(failure.name): \(failure.reason)")
        }
        for failure in failures where !Self.knownFailures.contains(failure.name) {
            XCTFail("\(failure.name): \(failure.reason)")
        }
        let failedNames = Set(failures.map(\.name))
        for name in Self.knownFailures.subtracting(failedNames) {
            XCTFail("'\(name)' is listed as a known failure but passes; remove it from the list")
        }
    }

    /// Why the case fails, or `nil` if it passes.
    private static func failureReason(_ testCase: JSONValue) -> String? {
        guard let selector = testCase["selector"]?.stringValue else {
            return "case has no selector"
        }
        if testCase["invalid_selector"] == .bool(true) {
            guard (try? JSONPath(selector)) == nil else {
                return "selector \(selector) should be rejected but compiled"
            }
            return nil
        }

        let path: JSONPath
        do {
            path = try JSONPath(selector)
        } catch {
            return "selector \(selector) failed to compile: \(error)"
        }
        guard let document = testCase["document"] else {
            return "case has no document"
        }
        let nodes = path.queryPaths(document)
        let actual = Outcome(values: nodes.map(\.value), paths: nodes.map(\.path))

        // A case gives either one expected nodelist or, where object member order makes it ambiguous, several.
        let acceptable: [Outcome]
        if let values = testCase["result"]?.arrayValue {
            let paths = testCase["result_paths"]?.arrayValue?.compactMap(\.stringValue)
            acceptable = [Outcome(values: values, paths: paths)]
        } else if let alternatives = testCase["results"]?.arrayValue {
            let pathAlternatives = testCase["results_paths"]?.arrayValue
            acceptable = alternatives.enumerated().map { index, values in
                Outcome(
                    values: values.arrayValue ?? [],
                    paths: pathAlternatives?[index].arrayValue?.compactMap(\.stringValue))
            }
        } else {
            return "case has neither result nor results"
        }

        if acceptable.contains(where: { $0.accepts(actual) }) {
            return nil
        }
        let expected = acceptable.map { "\(JSONValue.array($0.values)) at \($0.paths ?? [])" }
            .joined(separator: " or ")
        return "\(selector) gave \(JSONValue.array(actual.values)) at \(actual.paths ?? []), expected \(expected)"
    }

    private struct Outcome {
        let values: [JSONValue]
        /// Normalized paths, when the case specifies them.
        let paths: [String]?

        func accepts(_ actual: Outcome) -> Bool {
            guard values == actual.values else { return false }
            guard let paths, let actualPaths = actual.paths else { return true }
            return paths.elementsEqual(actualPaths) { $0.utf8.elementsEqual($1.utf8) }
        }
    }
}
