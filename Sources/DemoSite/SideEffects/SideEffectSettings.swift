import SideEffectDoubles

/// Orange's SMS API as the Laravel site's `config/services.php` names it (`SMS_API_URL`, `SMS_CLIENT_ID`, …).
public struct SMSSettings: Sendable {
    /// The API's base URL (`https://api.orange.com`); the site adds `/oauth/v3/token` and
    /// `/smsmessaging/v1/outbound/{sender}/requests`. Plain `http://` only: the demo site talks to local doubles.
    public var apiURL: String
    public var clientID: String
    public var clientSecret: String
    /// The sender's address, `tel:+221…`.
    public var sender: String
    /// The name shown instead of the sender's number; empty for none.
    public var senderName: String

    public init(
        apiURL: String, clientID: String, clientSecret: String, sender: String = "tel:+221770000000",
        senderName: String = "CSAR"
    ) {
        self.apiURL = apiURL
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.sender = sender
        self.senderName = senderName
    }
}

/// A Pusher Channels app as Laravel's `config/broadcasting.php` names it (`PUSHER_APP_ID`, `PUSHER_APP_KEY`, …).
public struct PusherSettings: Sendable {
    /// Where the HTTP events API is (`http://127.0.0.1:6001`, Laravel's scheme, host and port); the site posts
    /// to `/apps/{appID}/events` below it. Plain `http://` only.
    public var apiURL: String
    public var appID: String
    public var key: String
    public var secret: String

    public init(apiURL: String, appID: String, key: String, secret: String) {
        self.apiURL = apiURL
        self.appID = appID
        self.key = key
        self.secret = secret
    }

    /// The app an in-process ``PusherServer`` serves, reached through its events API.
    public init(server: PusherServer) {
        self.init(
            apiURL: server.baseURL, appID: server.configuration.appID, key: server.configuration.key,
            secret: server.configuration.secret)
    }
}
