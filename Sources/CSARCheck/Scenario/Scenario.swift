import Foundation

/// One scenario file, loaded and validated: what to send, in which order, and what to expect.
public struct Scenario: Sendable {
    /// The path the scenario was read from, as given by the user.
    public var file: String
    public var name: String
    public var description: String?
    public var tags: [String]
    /// Overrides the run's base URL for this file when set (e.g. a scenario aimed at another host).
    public var baseURL: Template?
    public var variables: [VariableDefinition]
    public var defaults: StepDefaults
    public var steps: [Step]
    /// Criteria on this file's requests (`criteria:` and `warnings:`).
    public var criteria: [Criterion] = []
    /// The `load:` section, run after the steps; nil when the file has none.
    public var load: LoadSpec?
    /// Every variable name the file reads as `{{ name }}`.
    public var usedVariables: Set<String> = []
    /// The names read outside the steps: by `base_url`, `variables:`, `defaults:` and the `load:` section.
    public var usedOutsideSteps: Set<String> = []

    /// The file's name without its folder and extension (`admin-login`): how `--var admin-login.name=…`
    /// names it.
    public var fileStem: String {
        URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
    }

    public init(
        file: String, name: String, description: String? = nil, tags: [String] = [], baseURL: Template? = nil,
        variables: [VariableDefinition] = [], defaults: StepDefaults = .init(), steps: [Step] = []
    ) {
        self.file = file
        self.name = name
        self.description = description
        self.tags = tags
        self.baseURL = baseURL
        self.variables = variables
        self.defaults = defaults
        self.steps = steps
    }
}

/// A variable declared by the file: a literal (templated) value, or one read from the environment.
public struct VariableDefinition: Sendable {
    public enum Source: Sendable {
        case value(Template)
        /// An environment variable (process environment first, then the `.env` file), with a fallback that may
        /// name earlier variables (`http://{{ base_host }}`).
        case environment(name: String, fallback: Template?)
    }

    public var name: String
    public var source: Source
    /// Secret values are masked in every output and report.
    public var secret: Bool
    public var location: SourceLocation
    /// What the variable means, for `csar-check vars`: its `description:`, else the comment right above it.
    public var description: String?
}

/// Settings every step of a file inherits unless it sets its own.
public struct StepDefaults: Sendable {
    public var headers: [HeaderTemplate]
    /// Seconds for the whole transfer, overriding the run's.
    public var timeout: Double?
    public var followRedirects: Bool
    /// Ask for compressed responses and decode them (`compressed: true`).
    public var compressed: Bool

    public init(
        headers: [HeaderTemplate] = [], timeout: Double? = nil, followRedirects: Bool = false, compressed: Bool = false
    ) {
        self.headers = headers
        self.timeout = timeout
        self.followRedirects = followRedirects
        self.compressed = compressed
    }
}

public struct HeaderTemplate: Sendable {
    public var name: String
    public var value: Template
}

/// One request of a scenario, with what to capture from its response and what to check.
public struct Step: Sendable {
    public var name: String
    public var location: SourceLocation
    /// Empty for a form submission: the form decides.
    public var method: String
    /// Empty for a form submission: the form's action decides.
    public var url: Template
    public var headers: [HeaderTemplate]
    public var query: [(name: Template, value: Template)]
    public var body: StepBody
    public var followRedirects: Bool
    public var maxRedirects = 10
    public var timeout: Double?
    /// Ask for gzip, deflate, brotli or zstd and check the decoded body (`compressed: true`).
    public var compressed = false
    public var retry: RetryPolicy?
    public var captures: [Capture]
    public var assertions: [Assertion]
    /// `warn:`: checks like `expect:` whose failures are reported as warnings and fail nothing.
    public var warnings: [Assertion] = []
    /// `for_each:`: the step runs once per item of this list (commas, spaces or line breaks between items),
    /// each time with `{{ item }}` set and its name rendered.
    public var forEach: StepRepetition?
    /// The item of the `for_each:` list this copy of the step runs with.
    public var boundItem: String?
    /// Criteria on this step's requests alone.
    public var criteria: [Criterion] = []
    /// Set when the step submits a form of the previous response instead of sending `method` and `url`.
    public var submitForm: FormSubmission?
    /// Set when the step sends no request: it waits for a mail, an SMS or an event, or subscribes to a channel.
    public var sideEffect: SideEffectStep?

    /// What the step does: send a request, or wait for a side effect.
    public var kind: StepKind { sideEffect?.kind ?? .http }
    /// The step's own `tags:`; the file's tags apply to it too. `--skip TAG` leaves it out.
    public var tags: [String] = []
    /// `when:`: the step runs only when this renders to a value that is not empty, `false`, `no`, `off` or `0`.
    public var condition: Template?
    /// `hint:`: shown with a failure of the step, to say what to check first.
    public var hint: Template?
    /// Every variable name the step reads as `{{ name }}`, its captures' own names excluded.
    public var usedVariables: Set<String> = []
}

/// Re-sends a step until its assertions pass or the attempts run out (e.g. a cache warming up).
public struct RetryPolicy: Sendable {
    public var attempts: Int
    /// Seconds between attempts.
    public var delay: Double
}

/// A step's `for_each:`: one run of the step per item of a list, so that a list a user extends by a variable
/// (the paths that must never be public) gives one testcase per item.
public struct StepRepetition: Sendable {
    /// The list, rendered when the step is reached.
    public var items: Template
    /// The step's name, rendered with `{{ item }}` for each run.
    public var name: Template
    /// The variable each item is set to.
    public static let variable = "item"

    /// The items of the rendered list: separated by commas, spaces or line breaks, empty ones left out.
    public static func split(_ list: String) -> [String] {
        list.split { $0 == "," || $0.isWhitespace }.map(String.init)
    }
}
