import Hummingbird

extension SiteRoutes {
    /// `GET /admin` and `GET /admin/dashboard`, behind Laravel's `auth` middleware.
    func registerAdmin(on router: Router<SiteContext>) {
        router.get("/admin") { request, context in dashboard(request, context) }
        router.get("/admin/dashboard") { request, context in dashboard(request, context) }
    }

    private func dashboard(_ request: Request, _ context: SiteContext) -> Response {
        guard let email = context.session.userEmail else {
            if Respond.expectsJSON(request) {
                return Respond.json(.object([("message", .string("Unauthenticated."))]), status: .unauthorized)
            }
            context.session.rememberIntended(path: request.uri.path)
            return redirect("/login", for: request)
        }
        let page = AuthPages.dashboard(
            csrfToken: context.session.csrfToken,
            email: email,
            logoutAction: state.url("/logout", for: request),
            store: state.demandes
        )
        return Respond.html(page)
    }
}
