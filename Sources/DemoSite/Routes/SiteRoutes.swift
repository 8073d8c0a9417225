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
        registerBroadcasting(on: router)
    }

    /// 302 to a path of this site, as an absolute URL like Laravel's `redirect()`.
    func redirect(_ path: String, for request: Request) -> Response {
        Respond.redirect(to: state.url(path, for: request))
    }

    /// Laravel's reaction to a failed validation: 422 JSON for API clients, otherwise errors and input
    /// flashed to the session and a redirect `back()`.
    func validationFailure(_ errors: ValidationErrors, request: Request, context: SiteContext) -> Response {
        if Respond.expectsJSON(request) {
            return Respond.json(errors.json, status: .unprocessableContent)
        }
        context.session.flash(Flash(errors: errors, oldInput: context.input.oldInput))
        return Respond.redirect(to: back(request, context))
    }

    /// `url()->previous()`: the Referer, else the last page this session loaded, else the home page. So a
    /// form posted without a Referer goes back to whatever page was seen last, not necessarily the form.
    func back(_ request: Request, _ context: SiteContext) -> String {
        if let referer = request.headers[.referer], !referer.isEmpty,
            referer.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F })
        {
            return referer.hasPrefix("http://") || referer.hasPrefix("https://")
                ? referer : state.url(referer.hasPrefix("/") ? referer : "/" + referer, for: request)
        }
        return context.session.previousURL ?? state.url("", for: request)
    }
}
