import Hummingbird

/// The site's route handlers, one `Routes+*.swift` file per area, plus the helpers they share.
struct SiteRoutes: Sendable {
    let state: SiteState

    /// Adds every route; those receiving forms go on `forms`, the group that parses bodies and checks CSRF.
    func register(on router: Router<SiteContext>, forms: RouterGroup<SiteContext>) {
        registerHome(on: router)
        registerAuth(on: router, forms: forms)
        registerAdmin(on: router)
        registerDemande(on: router, forms: forms)
        registerWarehouses(on: router)
        registerCarte(on: router)
    }

    /// 302 to a path of this site, as an absolute URL like Laravel's `redirect()`.
    func redirect(_ path: String, for request: Request) -> Response {
        Respond.redirect(to: state.url(path, for: request))
    }

    /// Laravel's reaction to a failed validation: 422 JSON for API clients, otherwise errors and input
    /// flashed to the session and a redirect back to the form.
    func validationFailure(
        _ errors: ValidationErrors,
        request: Request,
        context: SiteContext,
        back path: String
    ) -> Response {
        if Respond.expectsJSON(request) {
            return Respond.json(errors.json, status: .unprocessableContent)
        }
        context.session.flash(Flash(errors: errors, oldInput: context.input.oldInput))
        return redirect(path, for: request)
    }
}
