/// `GET /`: the public landing page.
enum HomePage {
    static func render(csrfToken: String, user: String?) -> String {
        Layout.page(
            title: "Accueil",
            csrfToken: csrfToken,
            user: user,
            content: """
                <h1>CSAR — Commissariat à la Sécurité Alimentaire et à la Résilience</h1>
                <p>Le CSAR gère les stocks de sécurité alimentaire du Sénégal et accompagne les populations
                vulnérables dans les quatorze régions du pays.</p>
                <ul class="actions">
                    <li><a href="/demande">Déposer une demande d'assistance</a></li>
                    <li><a href="/carte">Consulter la carte des entrepôts</a></li>
                    <li><a href="/login">Accès administration</a></li>
                </ul>
                """
        )
    }
}
