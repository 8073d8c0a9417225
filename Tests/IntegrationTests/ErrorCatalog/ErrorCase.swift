import Foundation

/// One bad input of docs/errors.md: what is wrong, the files and command that show it, the line of the
/// output the table quotes, and the exit code it must end with.
struct ErrorCase {
    enum Group: String, CaseIterable {
        case commandLine = "Command line"
        case files = "Scenario and .env files"
        case target = "The target and what it answers"
        case history = "History files"
        case signals = "Signals"
    }

    var group: Group
    /// The bad input, in Markdown.
    var input: String
    /// Written into the run's working folder first (names relative to it).
    var files: [String: [UInt8]] = [:]
    var arguments: (ErrorFixture) -> [String]
    /// The table quotes the first output line that contains this.
    var shows: String
    var exit: Int32
    /// Sent once the output contains `waitFor`: the signal cases.
    var signals: [Int32] = []
    var waitFor: String? = nil

    init(
        _ group: Group, _ input: String, files: [String: String] = [:], shows: String, exit: Int32,
        arguments: @escaping (ErrorFixture) -> [String]
    ) {
        self.group = group
        self.input = input
        self.files = files.mapValues { Array($0.utf8) }
        self.shows = shows
        self.exit = exit
        self.arguments = arguments
    }
}

/// What the cases run against: their working folder, the hostile server, a TLS server with a certificate
/// nobody trusts, and a loopback port where nothing listens.
struct ErrorFixture {
    let folder: URL
    let server: HostileServer
    let tls: LocalTLSServer
    let closedPort: Int

    var base: String { server.baseURL }
    var closed: String { "http://127.0.0.1:\(closedPort)" }
    /// `closed` as a query parameter's value (encoded: a step URL holding `://` is taken as absolute).
    var closedQuery: String { closed.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? closed }
}

/// Small scenario files for the cases.
enum CaseFiles {
    /// One GET step on `path`, with extra step keys (YAML, indented under the step).
    static func step(_ path: String, name: String = "Home page", _ extra: String = "") -> String {
        "name: Case\nsteps:\n  - name: \(name)\n    url: \(path)\n" + extra
    }

    static let ok = step("/ok")
    /// The hostile server's form (required `nom` and `objet`), submitted with `nom` and the field `{{ field }}`.
    static let form =
        step("/form", name: "Form page")
        + "  - name: Submit\n    submit_form:\n      fields: { nom: Awa, \"{{ field }}\": Aide }\n"
    /// The hostile server's login form whose action names the origin `{{ other }}`, submitted with the password.
    static let crossOriginLogin =
        step("\"/cross-origin/action?to={{ other }}\"", name: "Login page")
        + "  - name: Log in\n    submit_form:\n      selector: \"#login\"\n"
        + "      fields: { password: \"{{ admin_password }}\" }\n"
    /// A certificate check, then a page of the same site.
    static let certificate =
        "name: Case\nsteps:\n  - name: Certificate\n    certificate: /\n    expect: { tls: { verified: true } }\n"
        + "  - name: Home page\n    url: /ok\n"
    static let loadOnly = "name: Load only\nload:\n  url: /\n  requests: 20\n  concurrency: 5\n"
    static let runbookLoad = loadOnly + "criteria: [p95 < 2s, max < 2s, http_5xx == 0, availability >= 99.5%]\n"
}
