/// The login form and the admin dashboard.
enum AuthPages {
    static func login(csrfToken: String, action: String, errors: ValidationErrors, oldEmail: String?) -> String {
        Layout.page(
            title: "Connexion",
            csrfToken: csrfToken,
            user: nil,
            content: """
                <h1>Connexion à l'espace administration</h1>
                \(Layout.errorSummary(errors))
                <form method="POST" action="\(escapeHTML(action))">
                    \(Layout.csrfField(csrfToken))
                    <label for="email">Adresse e-mail</label>
                    <input id="email" type="email" name="email" value="\(escapeHTML(oldEmail ?? ""))"\
                 class="\(errors.has("email") ? "is-invalid" : "")" required autofocus autocomplete="username">
                    <label for="password">Mot de passe</label>
                    <input id="password" type="password" name="password" required autocomplete="current-password">
                    <button type="submit">Se connecter</button>
                </form>
                """
        )
    }

    static func dashboard(csrfToken: String, email: String, logoutAction: String, store: DemandeStore) -> String {
        let rows = store.recent(limit: 10).map { demande in
            """
            <tr><td>\(escapeHTML(demande.reference))</td><td>\(escapeHTML(demande.nom))</td>\
            <td>\(escapeHTML(demande.region))</td><td>\(escapeHTML(demande.typeDemande))</td></tr>
            """
        }.joined(separator: "\n")
        return Layout.page(
            title: "Tableau de bord",
            csrfToken: csrfToken,
            user: email,
            content: """
                <h1>Tableau de bord</h1>
                <p>Connecté en tant que <strong class="user-email">\(escapeHTML(email))</strong></p>
                <p>Demandes reçues : <strong class="demandes-count">\(store.count)</strong></p>
                <table class="demandes">
                    <thead><tr><th>Référence</th><th>Nom</th><th>Région</th><th>Type</th></tr></thead>
                    <tbody>
                \(rows)
                    </tbody>
                </table>
                <form method="POST" action="\(escapeHTML(logoutAction))">
                    \(Layout.csrfField(csrfToken))
                    <button type="submit">Se déconnecter</button>
                </form>
                """
        )
    }
}
