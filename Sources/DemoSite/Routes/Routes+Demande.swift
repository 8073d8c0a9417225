import Hummingbird

extension SiteRoutes {
    /// `GET /demande`, `POST /demande` and `GET /demande/confirmation/{reference}`.
    func registerDemande(on router: Router<SiteContext>, forms: RouterGroup<SiteContext>) {
        router.get("/demande") { request, context in
            let page = DemandePages.form(
                csrfToken: context.session.csrfToken,
                user: context.session.userEmail,
                action: state.url("/demande", for: request),
                flashed: context.session.flashed,
                maxUploadKilobytes: state.configuration.maxUploadBytes / 1_024
            )
            return Respond.html(page)
        }
        forms.post("/demande") { request, context in storeDemande(request, context) }
        router.get("/demande/confirmation/:reference") { request, context in
            guard let reference = context.parameters.get("reference"),
                let demande = state.demandes.find(reference: reference)
            else { throw HTTPError(.notFound) }
            let page = DemandePages.confirmation(
                csrfToken: context.session.csrfToken,
                user: context.session.userEmail,
                demande: demande
            )
            return Respond.html(page)
        }
    }

    /// Validates like the CSAR `StoreDemandeRequest`, then stores and redirects to the confirmation page.
    private func storeDemande(_ request: Request, _ context: SiteContext) -> Response {
        var validator = Validator(context.input)
        let nom = validator.required("nom", "nom")
        let email = validator.email("email", "adresse e-mail")
        let telephone = validator.optional("telephone", "téléphone", max: 20)
        let region = validator.oneOf("region", "région", DemandeOptions.regions)
        let typeValues = DemandeOptions.types.map(\.value)
        let type = validator.oneOf("type_demande", "type de demande", typeValues, required: false)
        let message = validator.required("message", "message", min: 10, max: 5_000)
        let upload = validator.optionalFile(
            "piece_jointe",
            "pièce jointe",
            allowed: FileKind.allCases,
            maxBytes: state.configuration.maxUploadBytes
        )
        guard let nom, let email, let region, let message, !validator.failed else {
            return validationFailure(validator.errors, request: request, context: context)
        }
        let draft = DemandeStore.Draft(
            nom: nom,
            email: email,
            telephone: telephone,
            region: region,
            typeDemande: type ?? DemandeOptions.defaultType,
            message: message,
            attachment: upload.map { Demande.Attachment(filename: $0.filename, size: $0.size) }
        )
        let demande = state.demandes.create(draft)
        state.announce(demande)
        return redirect("/demande/confirmation/\(PercentEncoding.encode(demande.reference))", for: request)
    }
}
