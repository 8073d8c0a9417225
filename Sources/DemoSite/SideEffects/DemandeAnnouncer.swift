/// What the Laravel site's `DemandeController::announce` queues once a demande is stored: the confirmation mail
/// to the requester with the administrators in copy, an SMS to the requester's telephone when there is one, and
/// `demande.created` on `private-admins`. Each only when configured.
struct DemandeAnnouncer: Sendable {
    let configuration: DemoSiteConfiguration
    let mailCatcher: MailCatcher?
    let queue: SideEffectQueue

    func announce(_ demande: Demande) {
        let reference = demande.reference
        if let mailCatcher {
            let adminAddress = configuration.adminEmail
            queue.dispatch("mail for \(reference)") {
                mailCatcher.receive(ConfirmationMail.make(for: demande, adminAddress: adminAddress))
            }
        }
        if let sms = configuration.sms, let address = PhoneNumber.telURI(demande.telephone) {
            queue.dispatch("SMS for \(reference)") {
                try await OrangeSMSClient(settings: sms)
                    .send(to: address, message: "CSAR: votre demande \(reference) a été enregistrée.")
            }
        }
        if let pusher = configuration.pusher {
            let data = JSON.object([
                ("reference", .string(reference)), ("region", .string(demande.region)),
                ("type_demande", .string(demande.typeDemande)),
            ])
            queue.dispatch("broadcast of \(reference)") {
                try await PusherBroadcaster(settings: pusher)
                    .broadcast(event: "demande.created", channels: ["private-admins"], data: data)
            }
        }
    }
}
