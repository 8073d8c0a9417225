import DemoSite
import Foundation
import SideEffectDoubles

/// The services the demo site's side effects go to, in process: an SMS double with Orange's API and a Pusher
/// server, each with credentials made for the run; the site's own mail catcher serves Mailpit's API. The gate's
/// side-effect checks then read them exactly as they read staging's (`CSAR_MAIL_MAILBOX`, `CSAR_SMS_INBOX`,
/// `CSAR_PUSHER_URL`, `PUSHER_APP_KEY`).
struct DemoSideEffects {
    let sms: OrangeSMSDouble
    let pusher: PusherServer
    /// Where the demo site serves its mail catcher.
    static let mailCatcherPath = "/mailpit"

    static func start() async throws -> DemoSideEffects {
        let sms = try await OrangeSMSDouble.start(.init(clientID: "csar-demo", clientSecret: randomSecret()))
        do {
            let pusher = try await PusherServer.start(
                .init(appID: "1", key: "csar-demo-\(randomSecret().prefix(8))", secret: randomSecret()))
            return DemoSideEffects(sms: sms, pusher: pusher)
        } catch {
            await sms.stop()
            throw error
        }
    }

    /// The demo site's settings that send to these services, a little later than the request, as a queue does.
    func configure(_ site: inout DemoSiteConfiguration) {
        site.queueDelay = .milliseconds(150)
        site.mailCatcherPath = Self.mailCatcherPath
        site.sms = SMSSettings(
            apiURL: sms.baseURL, clientID: sms.configuration.clientID, clientSecret: sms.configuration.clientSecret)
        site.pusher = PusherSettings(server: pusher)
    }

    /// What the gate's side-effect checks read to find them.
    func environment(siteURL: String) -> [String: String] {
        [
            "CSAR_MAIL_MAILBOX": siteURL + Self.mailCatcherPath, "CSAR_SMS_INBOX": sms.baseURL,
            "CSAR_PUSHER_URL": "ws://\(pusher.configuration.host):\(pusher.port)",
            "PUSHER_APP_KEY": pusher.configuration.key,
        ]
    }

    /// Values to mask in every output.
    var secrets: [String] { [sms.configuration.clientSecret, pusher.configuration.secret] }

    func stop() async {
        await pusher.stop()
        await sms.stop()
    }

    private static func randomSecret() -> String {
        (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
    }
}
