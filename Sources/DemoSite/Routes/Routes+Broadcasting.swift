import Hummingbird
import SideEffectDoubles

extension SiteRoutes {
    /// `POST /broadcasting/auth`, as Laravel's `Broadcast::routes()` in the web group with the `pusher-hmac`
    /// broadcaster: only with a Pusher app configured, and outside the CSRF check (Laravel 8 exempts it).
    func registerBroadcasting(on router: Router<SiteContext>) {
        guard let pusher = state.configuration.pusher else { return }
        let group = router.group()
            .add(middleware: FormInputMiddleware(maxBodyBytes: state.configuration.maxRequestBodyBytes))
        group.post("/broadcasting/auth") { request, context in
            try authorize(context.input, loggedIn: context.session.userEmail != nil, pusher: pusher)
        }
    }

    /// `routes/channels.php` allows `admins` to every logged-in user (every account is an administrator's):
    /// `private-admins`, or `presence-admins` with the user's `channel_data`. 403 for a guest or another
    /// channel, then 400 for a socket id not shaped `digits.digits`, in the order Laravel checks them.
    private func authorize(_ input: FormInput, loggedIn: Bool, pusher: PusherSettings) throws -> Response {
        let channel = input["channel_name"] ?? ""
        guard loggedIn, ["private-admins", "presence-admins"].contains(channel) else {
            throw HTTPError(.forbidden)
        }
        let socketID = input["socket_id"] ?? ""
        guard socketID.wholeMatch(of: /[0-9]+\.[0-9]+/) != nil else { throw HTTPError(.badRequest) }
        guard channel.hasPrefix("presence-") else {
            let auth = PusherSignature.channelAuth(
                key: pusher.key, secret: pusher.secret, socketID: socketID, channel: channel)
            return Respond.json(.object([("auth", .string(auth))]))
        }
        // The channel callback returns `true`, which Laravel's broadcaster puts in as the user's info.
        let channelData = JSON.object([("user_id", .int(1)), ("user_info", .bool(true))]).serialized
        let auth = PusherSignature.channelAuth(
            key: pusher.key, secret: pusher.secret, socketID: socketID, channel: channel, channelData: channelData)
        return Respond.json(.object([("auth", .string(auth)), ("channel_data", .string(channelData))]))
    }
}
