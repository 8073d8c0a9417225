import DemoSite
import Foundation
import SideEffectDoubles
import XCTest

@testable import CSARCheck

/// What a stored demande sets off on the demo site, as on the Laravel site: the confirmation mail (read back
/// through the Mailpit API with csar-check's own `MailpitMailbox`), the SMS through an Orange-shaped API, and
/// `demande.created` on `private-admins`, received by a `PusherConnection` authorised by `/broadcasting/auth`.
final class DemoSiteSideEffectsTests: XCTestCase {
    private func demandeForm(token: String, telephone: String = "77 000 00 00") -> [(String, String)] {
        [
            ("_token", token), ("nom", "Awa Diop"), ("email", "awa.diop@example.sn"), ("telephone", telephone),
            ("region", "Thiès"), ("type_demande", "appui_nutritionnel"),
            ("message", "Notre village a besoin d'une aide alimentaire d'urgence."),
        ]
    }

    /// Submits a demande as a visitor and returns its reference.
    private func submitDemande(_ site: RunningDemoSite, telephone: String = "77 000 00 00") async throws -> String {
        let browser = DemoBrowser(site)
        let token = try await browser.token(from: "/demande")
        let response = try await browser.post("/demande", form: demandeForm(token: token, telephone: telephone))
        XCTAssertEqual(response.status, 302, response.text)
        let location = try XCTUnwrap(response.header("Location"))
        return String(try XCTUnwrap(location.split(separator: "/").last))
    }

    /// Polls until `found` gives a value, for at most `limit` seconds.
    private func eventually<T>(
        within limit: TimeInterval = 10, _ found: () async throws -> T?
    ) async throws -> T? {
        let deadline = Date().addingTimeInterval(limit)
        while Date() < deadline {
            if let value = try await found() { return value }
            try await Task.sleep(for: .milliseconds(50))
        }
        return nil
    }

    // MARK: - Mail

    /// Runs `body` with csar-check's Mailpit reader of the site's mail catcher, on a thread of its own (libcurl).
    private func mailbox<T: Sendable>(
        _ site: RunningDemoSite, _ body: @escaping @Sendable (MailpitMailbox) throws -> T
    ) async throws -> T {
        let url = site.baseURL + "/mailpit"
        let result: Result<T, any Error> = await DedicatedThread.run {
            Result {
                try body(MailpitMailbox(MailboxSettings(url: url), transfer: TransferOptions(totalTimeout: 5)))
            }
        }
        return try result.get()
    }

    func testTheConfirmationMailIsCaughtAndServedAsMailpitDoes() async throws {
        try await withDemoSite(DemoSiteConfiguration(mailCatcherPath: "/mailpit")) { site in
            let before = Date().addingTimeInterval(-1)
            let reference = try await submitDemande(site)
            let mails = try await eventually { () async throws -> [ReceivedMail]? in
                let mails = try await mailbox(site) { try $0.messages(since: before, limit: 10) }
                return mails.isEmpty ? nil : mails
            }
            let mail = try XCTUnwrap(mails?.first)
            XCTAssertEqual(mails?.count, 1)
            XCTAssertEqual(mail.message.subject, "Votre demande \(reference) a été enregistrée")
            XCTAssertEqual(mail.message.from, ["noreply@csar.sn"])
            XCTAssertEqual(mail.message.header("From"), "CSAR <noreply@csar.sn>")
            XCTAssertEqual(mail.message.to, ["awa.diop@example.sn"])
            XCTAssertEqual(mail.message.cc, ["admin@csar.sn"])
            XCTAssertNotNil(mail.message.date)
            XCTAssertTrue(mail.message.text.hasPrefix("Bonjour Awa Diop,\n"), mail.message.text)
            XCTAssertTrue(mail.message.text.contains("Votre demande \(reference) a été enregistrée"), mail.message.text)
            XCTAssertTrue(mail.message.text.contains("Région : Thiès"), mail.message.text)
            XCTAssertTrue(mail.message.html?.contains("<strong>\(reference)</strong>") == true)
            XCTAssertTrue(mail.message.header("Content-Type")?.hasPrefix("multipart/alternative;") == true)
            XCTAssertLessThan(abs(mail.receivedAt?.timeIntervalSinceNow ?? 99), 30)

            let raw = try await DemoHTTPClient.request(
                port: site.port, method: "GET", target: "/mailpit/api/v1/message/\(mail.id)/raw")
            XCTAssertEqual(raw.status, 200)
            let lines = raw.text.components(separatedBy: "\r\n")
            XCTAssertEqual(lines.filter { $0.utf8.count > 78 }, [], "RFC 5322 line length")
            XCTAssertTrue(raw.text.contains("Content-Transfer-Encoding: quoted-printable"))
            XCTAssertTrue(raw.text.allSatisfy(\.isASCII), "a 7-bit message")

            try await mailbox(site) { try $0.markSeen(mail) }
            let listed = try await listing(site)
            XCTAssertEqual(listed["total"] as? Int, 1)
            XCTAssertEqual(listed["unread"] as? Int, 0)
            let summary = try XCTUnwrap((listed["messages"] as? [[String: Any]])?.first)
            XCTAssertEqual(summary["ID"] as? String, mail.id)
            XCTAssertEqual(summary["Read"] as? Bool, true)
            XCTAssertEqual(summary["Subject"] as? String, "Votre demande \(reference) a été enregistrée")
            XCTAssertEqual((summary["From"] as? [String: String])?["Address"], "noreply@csar.sn")
            XCTAssertEqual((summary["To"] as? [[String: String]])?.first?["Address"], "awa.diop@example.sn")
            XCTAssertNotNil(MailpitMailbox.date(try XCTUnwrap(summary["Created"] as? String)))

            try await mailbox(site) { try $0.delete(mail) }
            let emptied = try await listing(site)
            XCTAssertEqual(emptied["total"] as? Int, 0)
            let gone = try await DemoHTTPClient.request(
                port: site.port, method: "GET", target: "/mailpit/api/v1/message/\(mail.id)/raw")
            XCTAssertEqual(gone.status, 404)
        }
    }

    private func listing(_ site: RunningDemoSite) async throws -> [String: Any] {
        let response = try await DemoHTTPClient.request(
            port: site.port, method: "GET", target: "/mailpit/api/v1/messages?limit=10")
        XCTAssertEqual(response.status, 200)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
    }

    func testTheQueueDelayHoldsTheMailBackAndTheListIsNewestFirst() async throws {
        let configuration = DemoSiteConfiguration(mailCatcherPath: "mailpit/", queueDelay: .seconds(2))
        try await withDemoSite(configuration) { site in
            let first = try await submitDemande(site)
            let second = try await submitDemande(site)
            let early = try await listing(site)
            XCTAssertEqual(early["total"] as? Int, 0, "the mail waits for the queue")
            let subjects = try await eventually { () async throws -> [String]? in
                let listed = try await listing(site)
                let subjects = (listed["messages"] as? [[String: Any]])?.compactMap { $0["Subject"] as? String }
                return subjects?.count == 2 ? subjects : nil
            }
            XCTAssertEqual(
                subjects,
                ["Votre demande \(second) a été enregistrée", "Votre demande \(first) a été enregistrée"])
        }
    }

    // MARK: - SMS

    func testTheSMSGoesThroughTheOrangeAPIAsTheLaravelSiteSendsIt() async throws {
        try await SMSEndpointRecorder.with { provider in
            let sms = SMSSettings(apiURL: provider.baseURL + "/", clientID: "csar-client", clientSecret: "s3cret")
            try await withDemoSite(DemoSiteConfiguration(sms: sms)) { site in
                _ = try await submitDemande(site, telephone: "")
                let reference = try await submitDemande(site, telephone: "+221 77-123-45-67")
                let requests = try await eventually { provider.requests.count >= 2 ? provider.requests : nil }
                try await Task.sleep(for: .milliseconds(300))
                XCTAssertEqual(provider.requests.count, 2, "one token and one SMS: no telephone, no SMS")
                let token = try XCTUnwrap(requests?.first)
                XCTAssertEqual(token.path, "/oauth/v3/token")
                let basic = Data("csar-client:s3cret".utf8).base64EncodedString()
                XCTAssertEqual(token.headers["authorization"], "Basic \(basic)")
                XCTAssertEqual(token.headers["content-type"], "application/x-www-form-urlencoded")
                XCTAssertEqual(token.body, "grant_type=client_credentials")

                let send = try XCTUnwrap(requests?.last)
                XCTAssertEqual(send.path, "/smsmessaging/v1/outbound/tel%3A%2B221770000000/requests")
                XCTAssertEqual(send.headers["authorization"], "Bearer sms-token")
                XCTAssertEqual(send.headers["content-type"], "application/json")
                let json = try JSONSerialization.jsonObject(with: Data(send.body.utf8)) as? [String: Any]
                let request = try XCTUnwrap(json?["outboundSMSMessageRequest"] as? [String: Any])
                XCTAssertEqual(request["address"] as? String, "tel:+221771234567")
                XCTAssertEqual(request["senderAddress"] as? String, "tel:+221770000000")
                XCTAssertEqual(request["senderName"] as? String, "CSAR")
                XCTAssertEqual(
                    (request["outboundSMSTextMessage"] as? [String: String])?["message"],
                    "CSAR: votre demande \(reference) a été enregistrée.")
            }
        }
    }

    // MARK: - Broadcast

    /// Asks the site's `/broadcasting/auth` with the session cookie of `browser`, as Echo does.
    private static func broadcastingAuth(
        _ site: RunningDemoSite, cookie: String?, socketID: String, channel: String
    ) async throws -> DemoHTTPResponse {
        var headers = [("Content-Type", "application/x-www-form-urlencoded"), ("Accept", "application/json")]
        if let cookie { headers.append(("Cookie", cookie)) }
        let body = "socket_id=\(socketID)&channel_name=\(channel)"
        return try await DemoHTTPClient.request(
            port: site.port, method: "POST", target: "/broadcasting/auth", headers: headers, body: Array(body.utf8))
    }

    private func loggedInCookie(_ site: RunningDemoSite) async throws -> String {
        let browser = DemoBrowser(site)
        let token = try await browser.token(from: "/login")
        let login = try await browser.post(
            "/login", form: [("_token", token), ("email", "admin@csar.sn"), ("password", "csar-demo-password")])
        XCTAssertEqual(login.status, 302)
        return browser.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
    }

    func testTheBroadcastReachesAnAdminSubscribedThroughBroadcastingAuth() async throws {
        try await PusherFixture.with { pusher in
            let configuration = DemoSiteConfiguration(pusher: PusherSettings(server: pusher.server))
            try await withDemoSite(configuration) { site in
                let cookie = try await loggedInCookie(site)
                let connection = try await pusher.connect()
                try await connection.subscribe(to: "private-admins") { socketID, channel in
                    let response = try await Self.broadcastingAuth(
                        site, cookie: cookie, socketID: socketID, channel: channel)
                    guard response.status == 200 else { throw PusherPeerError(message: "HTTP \(response.status)") }
                    let answer = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: String]
                    return (answer?["auth"] ?? "", nil)
                }
                let reference = try await submitDemande(site)
                let event = try await connection.nextEvent(
                    named: "demande.created", on: "private-admins", within: .seconds(10))
                await connection.close()
                let data = try XCTUnwrap(
                    try JSONSerialization.jsonObject(with: Data(event.data.utf8)) as? [String: String])
                XCTAssertEqual(
                    data, ["reference": reference, "region": "Thiès", "type_demande": "appui_nutritionnel"])
                XCTAssertTrue(event.data.hasPrefix(#"{"reference":"#), event.data)
                // The server records a publish once it has delivered it: the event can arrive first.
                var publishes = await pusher.publishes()
                for _ in 0..<40 where publishes.isEmpty {
                    try await Task.sleep(for: .milliseconds(50))
                    publishes = await pusher.publishes()
                }
                XCTAssertEqual(publishes.count, 1)
                XCTAssertEqual(publishes.first?.outcome, .accepted, "signed as Pusher's events API checks it")
            }
        }
    }

    func testBroadcastingAuthSignsOnlyTheAdminsChannelForALoggedInAdmin() async throws {
        let pusher = PusherSettings(apiURL: "http://127.0.0.1:9", appID: "1", key: "demo-key", secret: "demo-secret")
        try await withDemoSite(DemoSiteConfiguration(pusher: pusher)) { site in
            let guest = try await Self.broadcastingAuth(
                site, cookie: nil, socketID: "123.456", channel: "private-admins")
            XCTAssertEqual(guest.status, 403)
            let cookie = try await loggedInCookie(site)
            let other = try await Self.broadcastingAuth(
                site, cookie: cookie, socketID: "123.456", channel: "private-other")
            XCTAssertEqual(other.status, 403)
            let badSocket = try await Self.broadcastingAuth(
                site, cookie: cookie, socketID: "abc", channel: "private-admins")
            XCTAssertEqual(badSocket.status, 400)

            let signed = try await Self.broadcastingAuth(
                site, cookie: cookie, socketID: "123.456", channel: "private-admins")
            XCTAssertEqual(signed.status, 200)
            XCTAssertEqual(signed.header("Content-Type"), "application/json")
            let expected = PusherSignature.channelAuth(
                key: "demo-key", secret: "demo-secret", socketID: "123.456", channel: "private-admins")
            XCTAssertEqual(signed.text, #"{"auth":"\#(expected)"}"#)

            let presence = try await Self.broadcastingAuth(
                site, cookie: cookie, socketID: "123.456", channel: "presence-admins")
            let answer = try JSONSerialization.jsonObject(with: Data(presence.body)) as? [String: String]
            let channelData = try XCTUnwrap(answer?["channel_data"])
            XCTAssertEqual(
                answer?["auth"],
                PusherSignature.channelAuth(
                    key: "demo-key", secret: "demo-secret", socketID: "123.456", channel: "presence-admins",
                    channelData: channelData))
        }
    }

    // MARK: - Off by default

    func testNothingIsSentOrServedUnlessConfigured() async throws {
        try await withDemoSite { site in
            _ = try await submitDemande(site)
            let mailpit = try await DemoHTTPClient.request(
                port: site.port, method: "GET", target: "/mailpit/api/v1/messages")
            XCTAssertEqual(mailpit.status, 404)
            let auth = try await Self.broadcastingAuth(
                site, cookie: nil, socketID: "123.456", channel: "private-admins")
            XCTAssertEqual(auth.status, 404)
        }
    }

    func testUnreachableServicesNeitherDelayNorBreakTheForm() async throws {
        let closed = "http://127.0.0.1:\(try ClosedPort.find())"
        let configuration = DemoSiteConfiguration(
            sms: SMSSettings(apiURL: closed, clientID: "id", clientSecret: "secret"),
            pusher: PusherSettings(apiURL: closed, appID: "1", key: "key", secret: "secret"))
        try await withDemoSite(configuration) { site in
            let started = Date()
            let reference = try await submitDemande(site)
            XCTAssertLessThan(Date().timeIntervalSince(started), 5)
            let confirmation = try await DemoBrowser(site).get("/demande/confirmation/\(reference)")
            XCTAssertEqual(confirmation.status, 200)
        }
    }

    func testAnSMSOrPusherURLOtherThanPlainHTTPIsRefusedAtStart() async throws {
        let sms = SMSSettings(apiURL: "https://api.orange.com", clientID: "id", clientSecret: "secret")
        do {
            let site = try await DemoSite.start(DemoSiteConfiguration(sms: sms))
            await site.stop()
            XCTFail("an https SMS API was accepted")
        } catch let error as DemoSiteError {
            XCTAssertTrue(error.message.contains("https://api.orange.com"), error.message)
        }
    }
}
