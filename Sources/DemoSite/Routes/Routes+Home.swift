import Hummingbird

extension SiteRoutes {
    /// `GET /`
    func registerHome(on router: Router<SiteContext>) {
        router.get("/") { _, context in
            Respond.html(HomePage.render(csrfToken: context.session.csrfToken, user: context.session.userEmail))
        }
    }
}
