import Hummingbird

extension SiteRoutes {
    /// The message Laravel's `auth.failed` translation gives in French.
    static let failedLoginMessage = "Ces identifiants ne correspondent pas à nos enregistrements."

    /// `GET /login`, `POST /login`, `POST /logout` (Laravel Breeze's controllers).
    func registerAuth(on router: Router<SiteContext>, forms: RouterGroup<SiteContext>) {
        router.get("/login") { request, context in showLogin(request, context) }
        forms.post("/login") { request, context in logIn(request, context) }
        forms.post("/logout") { request, context in
            context.session.invalidate()
            return redirect("/", for: request)
        }
    }

    private func showLogin(_ request: Request, _ context: SiteContext) -> Response {
        // Breeze's `guest` middleware sends a logged-in admin straight to the dashboard.
        guard context.session.userEmail == nil else { return redirect("/admin", for: request) }
        let page = AuthPages.login(
            csrfToken: context.session.csrfToken,
            action: state.url("/login", for: request),
            errors: context.session.flashed.errors,
            oldEmail: context.session.flashed.oldInput["email"]
        )
        return Respond.html(page)
    }

    private func logIn(_ request: Request, _ context: SiteContext) -> Response {
        var validator = Validator(context.input)
        let email = validator.email("email", "adresse e-mail")
        let password = validator.requiredRaw("password", "mot de passe")
        if let email, let password {
            let configuration = state.configuration
            // E-mail comparison ignores case, as MySQL's default collation does for the users table.
            if email.lowercased() == configuration.adminEmail.lowercased(),
                constantTimeEquals(password, configuration.adminPassword)
            {
                context.session.logIn(email: configuration.adminEmail)
                return redirect(context.session.takeIntendedPath() ?? "/admin", for: request)
            }
            validator.fail("email", Self.failedLoginMessage)
        }
        return validationFailure(validator.errors, request: request, context: context)
    }
}
