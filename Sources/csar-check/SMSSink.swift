import CSARCheck
import SideEffectDoubles

/// `--sms-sink HOST:PORT`: the SMS provider double (Orange's API shape) served by the run itself, for the run's
/// length, checking the site's `SMS_CLIENT_ID` and `SMS_CLIENT_SECRET` (environment or `--env-file`); staging's
/// `SMS_API_URL` points at it, and the `sms:` steps read it as `CSAR_SMS_INBOX`. Its origin is one the run's
/// secrets may go to, as if named by `--allow-origin`.
enum SMSSink {
    /// The double of this process: it serves until the command exits.
    nonisolated(unsafe) private static var running: OrangeSMSDouble?

    /// Starts the double and puts its inbox into the run's environment; its secret is masked everywhere.
    static func start(at address: ListenAddress, into configuration: inout RunConfiguration) async throws {
        let environment = configuration.environment
        let missing = DoublesCredentials.smsKeys.filter { environment[$0, default: ""].isEmpty }
        guard missing.isEmpty else {
            throw CommandFailure(
                message: "--sms-sink: \(missing.joined(separator: " and ")) not set (in the environment or "
                    + "--env-file): the double checks the site's credentials with them; nothing was sent",
                verdict: .configurationError)
        }
        let secret = environment["SMS_CLIENT_SECRET", default: ""]
        let double: OrangeSMSDouble
        do {
            double = try await OrangeSMSDouble.start(
                .init(
                    clientID: environment["SMS_CLIENT_ID", default: ""], clientSecret: secret, host: address.host,
                    port: address.port))
        } catch {
            throw CommandFailure(message: "--sms-sink: \(error); nothing was sent", verdict: .configurationError)
        }
        running = double
        configuration.environment["CSAR_SMS_INBOX"] = double.baseURL
        configuration.secrets.append(secret)
        // The double is the run's own, and the site's SMS credentials are meant for it: steps that play the site's
        // side of the exchange may send them there.
        if let origin = Origin(url: double.baseURL) { configuration.allowedOrigins.append(origin) }
        print("SMS double: \(double.baseURL) (--sms-sink; staging's SMS_API_URL points here)")
    }
}
