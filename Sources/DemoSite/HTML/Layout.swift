/// The shared page frame (`layouts/app.blade.php`): head with the CSRF meta tag, navigation and footer.
enum Layout {
    static func page(title: String, csrfToken: String, user: String?, content: String) -> String {
        let account =
            user == nil
            ? #"<a href="/login">Connexion</a>"#
            : #"<a href="/admin">Tableau de bord</a>"#
        return """
            <!DOCTYPE html>
            <html lang="fr">
            <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="csrf-token" content="\(escapeHTML(csrfToken))">
                <title>\(escapeHTML(title)) | CSAR</title>
                <style>
                    body { font-family: system-ui, sans-serif; margin: 0; color: #1f2937; }
                    header { background: #00853f; color: #fff; padding: 1rem 2rem; }
                    header a { color: #fff; margin-right: 1.5rem; text-decoration: none; }
                    main { max-width: 960px; margin: 2rem auto; padding: 0 1rem; }
                    .alert-danger { background: #fde8e8; border: 1px solid #f05252; padding: .5rem 1rem; }
                    .is-invalid { border-color: #f05252; }
                    label { display: block; margin-top: 1rem; font-weight: 600; }
                    footer { text-align: center; color: #6b7280; padding: 2rem; }
                </style>
            </head>
            <body>
                <header>
                    <nav>
                        <a href="/">Accueil</a>
                        <a href="/demande">Faire une demande</a>
                        <a href="/carte">Carte des entrepôts</a>
                        \(account)
                    </nav>
                </header>
                <main>
            \(content)
                </main>
                <footer>© Commissariat à la Sécurité Alimentaire et à la Résilience — Sénégal</footer>
            </body>
            </html>
            """
    }

    /// Laravel's usual `@if ($errors->any())` block listing every message.
    static func errorSummary(_ errors: ValidationErrors) -> String {
        guard !errors.isEmpty else { return "" }
        let items = errors.allMessages.map { "<li>\(escapeHTML($0))</li>" }.joined()
        return #"<div class="alert alert-danger"><ul>\#(items)</ul></div>"#
    }

    /// The hidden `@csrf` field.
    static func csrfField(_ token: String) -> String {
        #"<input type="hidden" name="_token" value="\#(escapeHTML(token))">"#
    }
}
