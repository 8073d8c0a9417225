import ArgumentParser
import CSARCheck
import Foundation

/// `csar-check load URL`: the load tool the runbook's `ab -n 50 -c 5` step reaches for. ab's flags
/// with ab's meaning and an ab-like summary, plus the open model, HTTP/2, threads and a verdict.
struct LoadCommand: ParsableCommand, SendsRequests {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Load-test a URL with ab's flags (-n -c -k -t …), or at a constant rate (--rate).",
        discussion: """
            Closed model: -n requests with -c in flight (like ab), or for -t seconds. Open model: --rate \
            requests per second for -t/--duration, latency counted from each request's intended start. \
            Every run is bounded: at most \(LoadCeilings.defaultMaxRequests) requests and \
            \(Int(LoadCeilings.defaultMaxDuration)) s unless raised with --max-requests/--max-duration and \
            --allow-huge-run. Ctrl-C, SIGTERM or SIGHUP stops and still prints the partial result. \
            The runbook's criteria judge it, as they judge the gate's load: \(RunbookCriteria.summary). \
            Exit codes: 0 they held, 1 they did not, 2 usage error (or reports that cannot be written), 3 the \
            target could not be reached, 130 interrupted.
            """
    )

    @Argument(help: "The URL to load, e.g. https://csar.sn/")
    var url: String

    @Option(name: .customShort("n", allowingJoined: true), help: "Number of requests to perform.")
    var requests: Int?

    @Option(
        name: .customShort("c", allowingJoined: true),
        help: "Number of requests in flight at a time (default 1; with --rate, one second's worth, at most 1000)."
    )
    var concurrency: Int?

    @Flag(name: .customShort("k"), help: "Use HTTP keep-alive: reuse connections.")
    var keepAlive = false

    @Option(
        name: [.customShort("t", allowingJoined: true), .customLong("duration")],
        help: ArgumentHelp(
            "How long to run: seconds, or 30s, 10m, 1h. With -n, whichever ends first.", valueName: "duration")
    )
    var duration: String?

    @Option(
        name: .customShort("H"),
        help: ArgumentHelp("Add a request header (repeatable), e.g. 'Accept: text/html'.", valueName: "header"))
    var headers: [String] = []

    @Option(name: .customShort("C"), help: ArgumentHelp("Add a cookie (repeatable).", valueName: "name=value"))
    var cookies: [String] = []

    @Option(name: .customShort("p"), help: ArgumentHelp("File containing data to POST (see -T).", valueName: "file"))
    var postFile: String?

    @Option(
        name: .customShort("T"),
        help: ArgumentHelp("Content-Type of the -p data (default text/plain).", valueName: "type"))
    var contentType: String?

    @Option(
        name: .customShort("m"), help: ArgumentHelp("HTTP method (default GET, or POST with -p).", valueName: "method"))
    var method: String?

    @Option(
        name: .customShort("A"), help: ArgumentHelp("Basic authentication credentials.", valueName: "user:password"))
    var basicAuth: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Open model: start this many requests per second, whatever the server does.", valueName: "req/s"))
    var rate: Double?

    @Flag(name: .long, help: "Ask for gzip, deflate, brotli or zstd responses (as curl --compressed); never decoded.")
    var compressed = false

    @Flag(name: .long, help: "Offer HTTP/2 (over TLS, by ALPN).")
    var http2 = false

    @Option(name: .long, help: "Event-loop threads, each with its own connections.")
    var threads = 1

    @Flag(
        name: .long,
        help: "Resume TLS sessions on new connections (off: a full handshake each time, as ab and first visits do).")
    var tlsResume = false

    @OptionGroup var connection: ConnectionOptions
    var maxTime: DurationArgument? { connection.maxTime }

    @Option(
        name: .long,
        help: "Request ceiling (default \(LoadCeilings.defaultMaxRequests)); above it needs --allow-huge-run.")
    var maxRequests: Int?

    @Option(
        name: .long,
        help: ArgumentHelp("Duration ceiling (default 1h); above it needs --allow-huge-run.", valueName: "duration"))
    var maxDuration: String?

    @Flag(name: .long, help: "Allow a run beyond the default ceilings.")
    var allowHugeRun = false

    @OptionGroup var report: ReportOptions
    @OptionGroup var history: HistoryOptions

    func run() throws {
        let plan = try makePlan()
        let recorder = try history.open()
        do { try plan.validate() } catch { throw ValidationError(error.message) }
        let writer = try ScenarioExecution.reportWriter(report.directory)
        print("Loading \(url): \(LoadPlanSummary(plan).description)\n")
        let result = try LoadExecution.run(plan, progress: LoadProgressLine.standardError(for: plan))
        print(LoadSummaryText.render(result).terminalSafeKeepingLines, terminator: "")
        let outcome = RunEpilogue.finish(
            LoadExecution.judge(result, url: url), command: "load", writer: writer, history: recorder)
        if outcome.verdict != .passed { throw ExitCode(outcome.verdict.rawValue) }
    }
}
