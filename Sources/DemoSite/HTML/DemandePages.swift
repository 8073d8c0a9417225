/// The public request form and its confirmation page.
enum DemandePages {
    static func form(
        csrfToken: String,
        user: String?,
        action: String,
        flashed: Flash,
        maxUploadKilobytes: Int
    ) -> String {
        let old = flashed.oldInput
        let errors = flashed.errors
        func invalid(_ field: String) -> String { errors.has(field) ? #" class="is-invalid""# : "" }
        func input(_ field: String, _ type: String, _ label: String, required: Bool = true) -> String {
            let value = escapeHTML(old[field] ?? "")
            let attributes = invalid(field) + (required ? " required" : "")
            return """
                <label for="\(field)">\(label)</label>
                <input id="\(field)" type="\(type)" name="\(field)" value="\(value)"\(attributes)>
                """
        }
        let regions = DemandeOptions.regions.map { region in
            let selected = old["region"] == region ? " selected" : ""
            return #"<option value="\#(escapeHTML(region))"\#(selected)>\#(escapeHTML(region))</option>"#
        }.joined(separator: "\n")
        let types = DemandeOptions.types.map { type in
            let selected = old["type_demande"] == type.value ? " selected" : ""
            return #"<option value="\#(type.value)"\#(selected)>\#(escapeHTML(type.label))</option>"#
        }.joined(separator: "\n")
        let message = escapeHTML(old["message"] ?? "")
        return Layout.page(
            title: "Faire une demande",
            csrfToken: csrfToken,
            user: user,
            content: """
                <h1>Demande d'assistance</h1>
                \(Layout.errorSummary(errors))
                <form method="POST" action="\(escapeHTML(action))" enctype="multipart/form-data">
                    \(Layout.csrfField(csrfToken))
                \(input("nom", "text", "Nom complet"))
                \(input("email", "email", "Adresse e-mail"))
                \(input("telephone", "tel", "Téléphone", required: false))
                    <label for="region">Région</label>
                    <select id="region" name="region"\(invalid("region")) required>
                        <option value="">— Choisir une région —</option>
                \(regions)
                    </select>
                    <label for="type_demande">Type de demande</label>
                    <select id="type_demande" name="type_demande"\(invalid("type_demande"))>
                \(types)
                    </select>
                    <label for="message">Message</label>
                    <textarea id="message" name="message" rows="6"\(invalid("message")) required>\(message)</textarea>
                    <label for="piece_jointe">Pièce jointe (PDF, JPG, PNG, TXT ; \(maxUploadKilobytes) Ko)</label>
                    <input id="piece_jointe" type="file" name="piece_jointe" accept=".pdf,.jpg,.jpeg,.png,.txt">
                    <button type="submit">Envoyer la demande</button>
                </form>
                """
        )
    }

    static func confirmation(csrfToken: String, user: String?, demande: Demande) -> String {
        var attachment = ""
        if let file = demande.attachment {
            attachment = """
                <p class="piece-jointe">Pièce jointe : <span class="filename">\(escapeHTML(file.filename))</span>
                (<span class="filesize">\(file.size)</span> octets)</p>
                """
        }
        return Layout.page(
            title: "Demande enregistrée",
            csrfToken: csrfToken,
            user: user,
            content: """
                <h1>Votre demande a été enregistrée</h1>
                <p>Référence de votre demande :
                <strong class="reference">\(escapeHTML(demande.reference))</strong></p>
                <p>Conservez cette référence : elle vous sera demandée pour tout suivi auprès du CSAR.</p>
                \(attachment)
                <p><a href="/">Retour à l'accueil</a></p>
                """
        )
    }
}
