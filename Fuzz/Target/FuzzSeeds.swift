import CSARCheck
import Foundation

/// The seed corpus, taken from the shipped scenarios: each file whole for the loader, and each JSONPath,
/// criterion, template and regular expression found in them for its own parser.
enum FuzzSeeds {
    static func write(from scenarios: String, into folder: String) throws -> Int {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var seeds: [(FuzzInput.Target, String)] = [
            (.json, #"{"data":[{"id":1,"latitude":14.7}],"ok":true,"n":null,"s":"\u00e9\n"}"#),
            (.envFile, "APP_URL=https://csar.sn\nexport A=\"x ${APP_URL} \\n\"\nB='lit' # note\nC=\"multi\nline\"\n"),
            (.duration, "1.5s"), (.duration, "250ms"), (.duration, "1h"),
        ]
        let names = try FileManager.default.contentsOfDirectory(atPath: scenarios).filter { $0.hasSuffix(".yaml") }
        for name in names.sorted() {
            let path = (scenarios as NSString).appendingPathComponent(name)
            seeds.append((.scenario, try SourceText.read(path)))
            guard let scenario = try? ScenarioLoader().load(file: path) else { continue }
            seeds += scenario.criteria.map { (.criterion, $0.source) }
            for step in scenario.steps {
                seeds.append((.template, step.url.source))
                seeds += step.headers.map { (.template, $0.value.source) }
                seeds += step.criteria.map { (.criterion, $0.source) }
                for query in step.assertions.map(\.query) + step.captures.map(\.query) {
                    switch query {
                    case .jsonPath(let path): seeds.append((.jsonPath, path.source))
                    case .regex(let pattern, _): seeds.append((.regex, pattern.source))
                    default: break
                    }
                }
            }
        }
        for (index, (target, text)) in seeds.enumerated() {
            let data = Data([target.rawValue] + Array(text.utf8))
            try data.write(to: URL(fileURLWithPath: folder).appendingPathComponent("seed-\(index)"))
        }
        return seeds.count
    }
}
