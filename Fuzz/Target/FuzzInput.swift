import CSARCheck
import Foundation

/// One fuzz input through one of the parsers that read what users and servers write. The first byte
/// picks the parser, the rest is its input; every parser must answer with a value or an error — never
/// trap, hang or blow up memory (libFuzzer reports all three).
enum FuzzInput {
    enum Target: UInt8, CaseIterable {
        case scenario, template, jsonPath, criterion, json, envFile, duration, regex
    }

    static func run(_ bytes: [UInt8]) {
        guard let first = bytes.first else { return }
        let rest = Array(bytes.dropFirst())
        let text = String(decoding: rest, as: UTF8.self)
        switch Target(rawValue: first % UInt8(Target.allCases.count)) ?? .scenario {
        case .scenario: scenario(rest)
        case .template: template(text)
        case .jsonPath: jsonPath(text)
        case .criterion: _ = try? Criterion(parsing: text)
        case .json: json(rest)
        case .envFile: _ = try? EnvFile.parse(text, file: "fuzz.env", environment: ["HOME": "/root"])
        case .duration: duration(text)
        case .regex: _ = try? QueryPath.regex(text)
        }
    }

    /// The scenario loader as `validate` runs it: UTF-8 check, YAML, keys, templates, queries, load section.
    private static func scenario(_ bytes: [UInt8]) {
        guard let text = try? SourceText.decode(bytes) else { return }
        let loader = ScenarioLoader(predefinedVariables: ["token", "email"])
        guard let loaded = try? loader.load(text: text, file: "/nonexistent/fuzz.yaml") else { return }
        _ = loaded.steps.count
    }

    private static func template(_ text: String) {
        guard let parsed = try? Template(parsing: text) else { return }
        _ = try? parsed.render { $0.count.isMultiple(of: 2) ? "value-of-\($0)" : nil }
    }

    /// Compiles the query and runs it on a document with every JSON type, so the evaluator runs too.
    private static func jsonPath(_ text: String) {
        guard let path = try? JSONPath(text) else { return }
        _ = path.queryPaths(document)
    }

    private static func json(_ bytes: [UInt8]) {
        guard let value = try? JSONValue.parse(bytes) else { return }
        _ = everything?.query(value).count
    }

    private static func duration(_ text: String) {
        guard let seconds = DurationText.seconds(text) else { return }
        for rule in [DurationRule.timeout, .delay, .loadDuration] { _ = rule.problem(seconds) }
        _ = DurationText.format(seconds.isFinite ? seconds : 0)
    }

    private static let everything = try? JSONPath("$..*")
    private static let document =
        (try? JSONValue.parse(
            #"{"data":[{"id":1,"name":"Entrepôt de Dakar","latitude":14.7,"tags":["a","b"],"ok":true,"none":null},"#
                + #"{"id":2,"name":"Saint-Louis","latitude":16.0,"tags":[],"ok":false,"none":null}],"count":2,"#
                + #""nested":{"a":{"b":{"c":[1,2,[3,4,{"d":"e"}]]}}}}"#)) ?? .null
}
