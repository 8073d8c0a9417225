import Foundation
import XCTest

/// `python3 Tests/DjangoSite/serve.py`: a fresh SQLite database, a superuser, the CSAR-like Django site on a
/// free loopback port, its faults read from a file of its own on every request. Stopped by closing its
/// standard input.
struct DjangoSite {
    let baseURL: String
    let adminPassword: String
    /// The site's fault file (`CSAR_DJANGO_FAULTS`, see Tests/DjangoSite/README.md).
    let faultFile: URL
    private let server: PythonProcess

    /// The whole shipped gate on this site from the command line alone: where its paths, fields, texts and
    /// keys differ from the Laravel site's, a `--var` (the request form's and the login's e-mail fields set
    /// apart by file), `--skip laravel` for Laravel's JSON validation contract, and `--skip production`: the
    /// test site is served over plain HTTP. docs/other-frameworks.md shows the same command.
    static let gateArguments = [
        "--skip", "laravel", "--skip", "production",
        "--var", "dashboard_path=/admin/", "--var", "login_path=/admin/login/",
        "--var", "api_path=/api/entrepots/", "--var", "map_path=/carte/", "--var", "map_xpath=//*[@id='carte']",
        "--var", "items=$.results", "--var", "name_key=nom", "--var", "latitude_key=lat",
        "--var", "longitude_key=lon",
        "--var", "admin-login.email_field=username", "--var", "dashboard_text=Site administration",
        "--var", "login_error_text=Please enter the correct username and password",
        "--var", "form_path=/demandes/nouvelle/", "--var", "demande_form=form#demande",
        "--var", "name_field=nom_complet", "--var", "demande-form.email_field=courriel",
        "--var", "type_field=", "--var", "subject_field=objet", "--var", "attachment_field=",
        "--var", "confirmation_pattern=/demandes/merci/", "--var", "confirmation_text=Votre demande a bien été reçue",
        "--var", "reference_xpath=//*[@id='numero']", "--var", "errors_xpath=//ul[contains(@class,'errorlist')]/li",
    ]

    /// Switches the site's faults, e.g. `{"server_error": ["/api/entrepots/"]}`; `{}` heals it. Written whole
    /// and renamed, so no request reads half a file.
    func fault(_ json: String) throws {
        let temporary = faultFile.appendingPathExtension("new")
        try json.write(to: temporary, atomically: false, encoding: .utf8)
        guard rename(temporary.path, faultFile.path) == 0 else {
            throw LocalServerError(message: "cannot switch the Django site's faults in \(faultFile.path)")
        }
    }

    var adminEnvironment: [String: String] {
        ["CSAR_ADMIN_EMAIL": "admin", "CSAR_ADMIN_PASSWORD": adminPassword]
    }

    static let serveScript = RepositoryPaths.root.appendingPathComponent("Tests/DjangoSite/serve.py").path

    /// Whether python3 can import Django.
    static let djangoInstalled: Bool = {
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["python3", "-c", "import django"]
        check.standardError = FileHandle.nullDevice
        guard (try? check.run()) != nil else { return false }
        check.waitUntilExit()
        return check.terminationStatus == 0
    }()

    /// Starts `script` (serve.py) and waits at most `wait` seconds for its URL. Skips the test only when Django
    /// is not installed and `CI` is not set, as the Laravel tests skip only without PHP outside CI; a site
    /// that does not start when Django is there (or in CI) fails the test.
    /// `debug`: Django's DEBUG = True, the misconfiguration production.yaml's debug checks must find.
    static func start(script: String = serveScript, wait: TimeInterval = 90, debug: Bool = false) throws -> DjangoSite {
        guard djangoInstalled else {
            let missing =
                "Django is not installed: python3 cannot import django (scripts/install-deps.sh installs it with pip)"
            if ProcessInfo.processInfo.environment["CI"] != nil {
                throw LocalServerError(message: "\(missing); CI runs the Django tests")
            }
            throw XCTSkip("\(missing); the tests against the real Django site are skipped")
        }
        let password = "django-\(UUID().uuidString)"
        let faultFile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "csar-django-faults-\(UUID()).json")
        try "{}".write(to: faultFile, atomically: true, encoding: .utf8)
        let environment = [
            "DJANGO_SUPERUSER_USERNAME": "admin", "DJANGO_SUPERUSER_EMAIL": "admin@example.org",
            "DJANGO_SUPERUSER_PASSWORD": password, "CSAR_DJANGO_FAULTS": faultFile.path,
            "CSAR_DJANGO_DEBUG": debug ? "1" : "0",
        ]
        let name = "the Django site (\(script))"
        let server = try PythonProcess([script], environment: environment, wait: wait, name: name)
        guard server.firstLine.hasPrefix("http://127.0.0.1:") else {
            server.stop(grace: 10)
            throw LocalServerError(message: "\(name) did not print its URL (got '\(server.firstLine)')")
        }
        return DjangoSite(baseURL: server.firstLine, adminPassword: password, faultFile: faultFile, server: server)
    }

    /// Closes the server's standard input, which stops it (and removes its database), and waits at most 10 s
    /// before killing it.
    func stop() {
        server.stop(grace: 10)
        try? FileManager.default.removeItem(at: faultFile)
    }
}
