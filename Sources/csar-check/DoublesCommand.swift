import ArgumentParser
import CSARCheck
import SideEffectDoubles

/// `csar-check doubles`: the SMS provider and the Pusher server a site's side effects go to, for a staging
/// or test stack, until stopped.
struct DoublesCommand: AsyncParsableCommand, ServesUntilStopped {
    static let configuration = CommandConfiguration(
        commandName: "doubles",
        abstract: "Serve stand-ins for the SMS provider (Orange's API) and Pusher, with the site's credentials.",
        discussion: """
            For a staging or test stack: point the Laravel site at them (SMS_API_URL=http://HOST:PORT; \
            PUSHER_HOST, PUSHER_PORT and PUSHER_SCHEME=http) and they check its requests as Orange and Pusher \
            do, with the credentials of its .env (SMS_CLIENT_ID, SMS_CLIENT_SECRET; PUSHER_APP_ID, \
            PUSHER_APP_KEY, PUSHER_APP_SECRET). The SMS double keeps what it receives: GET /csar/messages \
            (?since=ISO 8601) lists the messages and the refused requests, newest first; the Pusher server \
            delivers events to WebSocket subscribers. A line is printed for each double when it listens, \
            then one per SMS, refused request and publish (never a secret or a token). SIGINT, SIGTERM or \
            SIGHUP stops them, with exit code 0; a missing setting or an address it cannot listen on ends \
            with exit code 2.
            """
    )

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The site's Laravel .env (repeatable; a later file wins), with the credentials the doubles check.",
            valueName: "file"))
    var envFile: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Serve the SMS double (Orange's API) on this address; a bare port means loopback, 0 a free port.",
            valueName: "host:port"),
        transform: ListenAddress.parse)
    var smsListen: ListenAddress?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Serve the Pusher server (WebSocket and events API) on this address; a bare port means loopback.",
            valueName: "host:port"),
        transform: ListenAddress.parse)
    var pusherListen: ListenAddress?

    func validate() throws {
        guard smsListen != nil || pusherListen != nil else {
            throw ValidationError("nothing to serve: give --sms-listen HOST:PORT, --pusher-listen HOST:PORT or both")
        }
        guard !envFile.isEmpty else {
            throw ValidationError(
                "give --env-file FILE: the site's .env, whose credentials the doubles check "
                    + "(SMS_CLIENT_ID, SMS_CLIENT_SECRET, PUSHER_APP_ID, PUSHER_APP_KEY, PUSHER_APP_SECRET)")
        }
    }

    func run() async throws {
        let credentials = try DoublesCredentials(files: envFile, sms: smsListen != nil, pusher: pusherListen != nil)
        let signals = TerminationSignal.install()
        let doubles = try await RunningDoubles.start(sms: smsListen, pusher: pusherListen, credentials: credentials)
        for line in doubles.readyLines { print(line) }
        let log = Task {
            var activity = DoublesActivityLog(doubles)
            await activity.follow()
        }
        let signal = await signals.next()
        log.cancel()
        await log.value
        await doubles.stop()
        print("doubles: stopped (\(signal))")
    }
}

/// The doubles `doubles` started.
struct RunningDoubles: Sendable {
    var sms: OrangeSMSDouble?
    var pusher: PusherServer?

    /// Starts those asked for; when one cannot listen, stops the other and throws (exit code 2).
    static func start(
        sms smsAddress: ListenAddress?, pusher pusherAddress: ListenAddress?, credentials: DoublesCredentials
    ) async throws -> RunningDoubles {
        var doubles = RunningDoubles()
        do {
            if let address = smsAddress {
                doubles.sms = try await OrangeSMSDouble.start(
                    .init(
                        clientID: credentials["SMS_CLIENT_ID"], clientSecret: credentials["SMS_CLIENT_SECRET"],
                        host: address.host, port: address.port))
            }
            if let address = pusherAddress {
                doubles.pusher = try await PusherServer.start(
                    .init(
                        appID: credentials["PUSHER_APP_ID"], key: credentials["PUSHER_APP_KEY"],
                        secret: credentials["PUSHER_APP_SECRET"], host: address.host, port: address.port))
            }
        } catch {
            await doubles.stop()
            throw CommandFailure(message: "\(error)", verdict: .configurationError)
        }
        return doubles
    }

    /// What `doubles` prints once they listen: URLs, the Pusher key (public: browsers have it), no secret.
    var readyLines: [String] {
        var lines: [String] = []
        if let sms {
            lines.append("sms double: \(sms.baseURL) (inbox: \(sms.inboxURL))")
        }
        if let pusher {
            let configuration = pusher.configuration
            lines.append(
                "pusher server: ws://\(configuration.host):\(pusher.port)/app/\(configuration.key), "
                    + "events API \(pusher.baseURL)/apps/\(configuration.appID)/events")
        }
        return lines.map(\.terminalSafe)
    }

    func stop() async {
        await sms?.stop()
        await pusher?.stop()
    }
}
