import DemoSite
import XCTest

final class DemoSiteDemandeTests: XCTestCase {
    private func validForm(token: String) -> [(String, String)] {
        [
            ("_token", token), ("nom", "Awa Diop"), ("email", "awa.diop@example.sn"),
            ("telephone", "+221 77 000 00 00"), ("region", "Thiès"), ("type_demande", "aide_alimentaire"),
            ("message", "Notre village a besoin d'une aide alimentaire d'urgence."),
        ]
    }

    func testFormHasTheExpectedFields() async throws {
        try await withDemoSite { site in
            let page = try await DemoBrowser(site).get("/demande")
            XCTAssertEqual(page.status, 200)
            XCTAssertNotNil(DemoBrowser.csrfToken(in: page))
            for field in ["nom", "email", "telephone", "region", "type_demande", "message", "piece_jointe"] {
                XCTAssertTrue(page.text.contains(#"name="\#(field)""#), field)
            }
            XCTAssertEqual(page.text.components(separatedBy: "<option value=\"").count - 1, 14 + 1 + 5)
            XCTAssertTrue(page.text.contains(#"enctype="multipart/form-data""#))
        }
    }

    func testSuccessfulRequestRedirectsToConfirmationWithSequentialReference() async throws {
        try await withDemoSite { site in
            let browser = DemoBrowser(site)
            let token = try await browser.token(from: "/demande")
            var references: [String] = []
            for _ in 0..<2 {
                let response = try await browser.post("/demande", form: validForm(token: token))
                XCTAssertEqual(response.status, 302)
                let location = try XCTUnwrap(response.header("Location"))
                XCTAssertTrue(location.hasPrefix("\(site.baseURL)/demande/confirmation/CSAR-"), location)
                let path = String(location.dropFirst(site.baseURL.count))
                let confirmation = try await browser.get(path)
                XCTAssertEqual(confirmation.status, 200)
                XCTAssertTrue(confirmation.text.contains("Votre demande a été enregistrée"))
                let reference = String(path.dropFirst("/demande/confirmation/".count))
                XCTAssertTrue(confirmation.text.contains(#"<strong class="reference">\#(reference)</strong>"#))
                references.append(reference)
            }
            let year = Calendar(identifier: .gregorian).component(.year, from: Date())
            XCTAssertEqual(references, ["CSAR-\(year)-000001", "CSAR-\(year)-000002"])
            let unknown = try await browser.get("/demande/confirmation/CSAR-1999-999999")
            XCTAssertEqual(unknown.status, 404)
        }
    }

    func testValidationErrorsAreFlashedWithOldInput() async throws {
        try await withDemoSite { site in
            let browser = DemoBrowser(site)
            let token = try await browser.token(from: "/demande")
            let form = [
                ("_token", token), ("nom", "  "), ("email", "pas-une-adresse"), ("region", "Paris"),
                ("message", "Court"), ("telephone", "<script>"),
            ]
            let response = try await browser.post("/demande", form: form)
            XCTAssertEqual(response.status, 302)
            XCTAssertEqual(response.header("Location"), "\(site.baseURL)/demande")
            let page = try await browser.get("/demande")
            XCTAssertTrue(page.text.contains(#"<div class="alert alert-danger"><ul><li>"#))
            for message in [
                "Le champ nom est obligatoire.",
                "Le champ adresse e-mail doit être une adresse e-mail valide.",
                "Le champ région sélectionné est invalide.",
                "Le champ message doit contenir au moins 10 caractères.",
            ] {
                XCTAssertTrue(page.text.contains("<li>\(message)</li>"), message)
            }
            XCTAssertTrue(page.text.contains(#"value="pas-une-adresse""#))
            XCTAssertTrue(page.text.contains(">Court</textarea>"))
            XCTAssertTrue(page.text.contains("&lt;script&gt;"), "old input must be escaped")
            XCTAssertFalse(page.text.contains("<script>\""))
            let next = try await browser.get("/demande")
            XCTAssertFalse(next.text.contains(#"<div class="alert alert-danger">"#), "flash data lasts one request")
        }
    }

    func testValidationErrorsAsJSON() async throws {
        try await withDemoSite { site in
            let browser = DemoBrowser(site)
            let token = try await browser.token(from: "/demande")
            let response = try await browser.post(
                "/demande",
                form: [("_token", token), ("email", "x@"), ("region", "Dakar")],
                headers: [("Accept", "application/json")]
            )
            XCTAssertEqual(response.status, 422)
            XCTAssertEqual(response.header("Content-Type"), "application/json")
            let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
            XCTAssertEqual(json["message"] as? String, "Le champ nom est obligatoire. (et 2 erreurs en plus)")
            let errors = try XCTUnwrap(json["errors"] as? [String: [String]])
            XCTAssertEqual(Set(errors.keys), ["nom", "email", "message"])
            XCTAssertEqual(errors["message"], ["Le champ message est obligatoire."])
        }
    }

    func testMultipartUploadShowsFileOnConfirmation() async throws {
        try await withDemoSite { site in
            let browser = DemoBrowser(site)
            let token = try await browser.token(from: "/demande")
            let pdf = Array("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".utf8)
            let response = try await browser.postMultipart(
                "/demande",
                fields: validForm(token: token),
                files: [("piece_jointe", "justificatif.pdf", "application/pdf", pdf)]
            )
            XCTAssertEqual(response.status, 302)
            let location = try XCTUnwrap(response.header("Location"))
            let confirmation = try await browser.get(String(location.dropFirst(site.baseURL.count)))
            XCTAssertTrue(confirmation.text.contains(#"<span class="filename">justificatif.pdf</span>"#))
            XCTAssertTrue(confirmation.text.contains(#"<span class="filesize">\#(pdf.count)</span>"#))
        }
    }

    func testMultipartWithoutFileAndWithWindowsPath() async throws {
        try await withDemoSite { site in
            let browser = DemoBrowser(site)
            let token = try await browser.token(from: "/demande")
            let noFile = try await browser.postMultipart(
                "/demande",
                fields: validForm(token: token),
                files: [("piece_jointe", "", "application/octet-stream", [])]
            )
            let location = try XCTUnwrap(noFile.header("Location"))
            let page = try await browser.get(String(location.dropFirst(site.baseURL.count)))
            XCTAssertFalse(page.text.contains("piece-jointe"))

            let windows = try await browser.postMultipart(
                "/demande",
                fields: validForm(token: token),
                files: [("piece_jointe", #"C:\Users\awa\notes.txt"#, "text/plain", Array("Liste des besoins\n".utf8))]
            )
            let windowsLocation = try XCTUnwrap(windows.header("Location"))
            let windowsPage = try await browser.get(String(windowsLocation.dropFirst(site.baseURL.count)))
            XCTAssertTrue(windowsPage.text.contains(#"<span class="filename">notes.txt</span>"#))
        }
    }

    func testUploadTooLargeOrWrongTypeIsRejected() async throws {
        try await withDemoSite { site in
            let browser = DemoBrowser(site)
            let token = try await browser.token(from: "/demande")
            let json = [("Accept", "application/json")]
            let big = Array("%PDF-".utf8) + [UInt8](repeating: 0x41, count: 2 * 1_024 * 1_024)
            let tooLarge = try await browser.postMultipart(
                "/demande",
                fields: validForm(token: token),
                files: [("piece_jointe", "gros.pdf", "application/pdf", big)],
                headers: json
            )
            XCTAssertEqual(tooLarge.status, 422)
            XCTAssertTrue(tooLarge.text.contains("ne doit pas dépasser 2048 Ko"), tooLarge.text)

            // Content decides, as with Laravel's `mimes` rule: an executable renamed to .pdf is refused.
            let fake = try await browser.postMultipart(
                "/demande",
                fields: validForm(token: token),
                files: [
                    ("piece_jointe", "facture.pdf", "application/pdf", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00])
                ],
                headers: json
            )
            XCTAssertEqual(fake.status, 422)
            XCTAssertTrue(fake.text.contains("doit être un fichier de type : pdf, jpg, png, txt"), fake.text)

            let flashed = try await browser.postMultipart(
                "/demande",
                fields: validForm(token: token),
                files: [("piece_jointe", "vide.txt", "text/plain", [])]
            )
            XCTAssertEqual(flashed.status, 302)
            let form = try await browser.get("/demande")
            XCTAssertTrue(form.text.contains("pièce jointe doit être un fichier de type"))
            XCTAssertTrue(form.text.contains(#"value="Awa Diop""#))
        }
    }

    func testExpectContinueIsAnsweredLikeNginx() async throws {
        try await withDemoSite { site in
            let browser = DemoBrowser(site)
            let token = try await browser.token(from: "/demande")
            let body = validForm(token: token).map { "\($0.0)=\($0.1)" }.joined(separator: "&")
            let cookies = browser.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
            let head =
                "POST /demande HTTP/1.1\r\nHost: 127.0.0.1:\(site.port)\r\nConnection: close\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nExpect: 100-continue\r\nCookie: \(cookies)\r\n"
                + "Content-Length: \(body.utf8.count)\r\n\r\n"
            let raw = try await DemoHTTPClient.exchange(port: site.port, bytes: Array((head + body).utf8))
            XCTAssertTrue(String(decoding: raw, as: UTF8.self).hasPrefix("HTTP/1.1 100 Continue\r\n"))
            let response = try DemoHTTPClient.parse(raw, method: "POST")
            XCTAssertEqual(response.status, 302)
        }
    }

    func testCSRFIsCheckedOnMultipartToo() async throws {
        try await withDemoSite { site in
            let browser = DemoBrowser(site)
            _ = try await browser.get("/demande")
            let response = try await browser.postMultipart("/demande", fields: [("nom", "X")], files: [])
            XCTAssertEqual(response.status, 419)
        }
    }
}
