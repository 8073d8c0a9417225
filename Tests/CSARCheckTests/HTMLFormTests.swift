import XCTest

@testable import CSARCheck

/// Reading forms from HTML and building what a browser would send for them.
final class HTMLFormTests: XCTestCase {
    private static let page = """
        <!DOCTYPE html><html><head><base href="/app/"></head><body>
        <form id="f" method="post" action="save?x=1#top" enctype="multipart/form-data">
          <input type="hidden" name="_token" value="tok&amp;en">
          <input name="plain">
          <input type="email" name="email" value="a@b.sn">
          <input type="checkbox" name="remember" checked>
          <input type="checkbox" name="news" value="yes">
          <input type="radio" name="kind" value="a"><input type="radio" name="kind" value="b" checked>
          <select name="region"><option disabled>—</option><option>  Saint   Louis </option><option value="dk">Dakar</option></select>
          <select name="chosen"><option value="1" selected>1</option><option value="2" selected>2</option></select>
          <select name="many" multiple><option value="a" selected>a</option><option value="b">b</option>
            <optgroup disabled><option value="c" selected>c</option></optgroup></select>
          <select name="nothing" multiple><option value="z">z</option></select>
          <textarea name="message">
        first
        second</textarea>
          <fieldset disabled>
            <legend><input name="in_legend" value="kept"></legend>
            <input name="in_fieldset" value="dropped">
          </fieldset>
          <input name="off" value="x" disabled>
          <datalist><input name="in_datalist" value="no"></datalist>
          <input type="file" name="upload">
          <input type="reset" name="reset" value="r">
          <input type="submit" name="go" value="Envoyer">
          <button name="alt" value="other" formaction="/other" formmethod="get">Autre action</button>
          <input type="image" name="pic" alt="Carte">
          <input name="" value="nameless">
        </form>
        <input form="f" name="outside" value="out">
        <form action="/search"><input name="q" value="riz"></form>
        </body></html>
        """

    private func forms() throws -> [HTMLForm] {
        let locator = FormLocator(
            document: try MarkupDocument.html(Array(Self.page.utf8)), pageURL: "https://csar.sn/demande/new")
        return try locator.allForms()
    }

    private func texts(_ entries: [FormEntry]) -> [String] {
        entries.map { entry in
            switch entry.value {
            case .text(let text): "\(entry.name)=\(text)"
            case .noFile: "\(entry.name)=<no file>"
            case .file(_, let filename, _): "\(entry.name)=@\(filename)"
            }
        }
    }

    func testReadsEveryControlInTreeOrderWithItsState() throws {
        let form = try XCTUnwrap(forms().first)
        XCTAssertEqual(form.method, "post")
        XCTAssertEqual(form.enctype, "multipart/form-data")
        XCTAssertEqual(form.controls.first?.value, "tok&en", "entities are decoded")
        XCTAssertEqual(form.controls.last?.name, "outside", "a control elsewhere with form=\"f\" belongs to the form")
        XCTAssertFalse(form.controls.contains { $0.name == "in_datalist" })
        let fieldset = form.controls.filter { $0.name.hasPrefix("in_") }
        XCTAssertEqual(fieldset.map(\.disabled), [false, true], "a disabled fieldset spares its first legend")
        let message = try XCTUnwrap(form.controls.first { $0.name == "message" })
        XCTAssertEqual(message.value, "first\nsecond", "the newline after <textarea> is not part of the value")
    }

    func testTheEntryListIsWhatABrowserSends() throws {
        let form = try XCTUnwrap(forms().first)
        let submitter = try FormSubmitterChoice.index(in: form, button: .first)
        XCTAssertEqual(
            texts(FormEntryList.entries(of: form, submitter: submitter)),
            [
                "_token=tok&en", "plain=", "email=a@b.sn", "remember=on", "kind=b", "region=Saint Louis", "chosen=2",
                "many=a",
                "message=first\nsecond", "in_legend=kept", "upload=<no file>", "go=Envoyer", "outside=out",
            ])
    }

    func testChosenButtonsAndNoButton() throws {
        let form = try XCTUnwrap(forms().first)
        let other = try XCTUnwrap(FormSubmitterChoice.index(in: form, button: .named("Autre action")))
        XCTAssertTrue(texts(FormEntryList.entries(of: form, submitter: other)).contains("alt=other"))
        XCTAssertFalse(texts(FormEntryList.entries(of: form, submitter: other)).contains("go=Envoyer"))
        let image = try XCTUnwrap(FormSubmitterChoice.index(in: form, button: .named("Carte")))
        XCTAssertEqual(
            texts(FormEntryList.entries(of: form, submitter: image)).suffix(3), ["pic.x=0", "pic.y=0", "outside=out"])
        XCTAssertEqual(try FormSubmitterChoice.index(in: form, button: .named("go")), submitter(named: "go", in: form))
        XCTAssertNil(try FormSubmitterChoice.index(in: form, button: .noButton))
        XCTAssertThrowsError(try FormSubmitterChoice.index(in: form, button: .named("Valider"))) { error in
            XCTAssertTrue("\(error)".contains("'Envoyer' (name go)"), "\(error)")
        }
        let target = FormTarget(form: form, submitter: form.controls[other], action: "https://csar.sn/other")
        XCTAssertEqual(target.method, "GET", "formmethod on the clicked button wins")
    }

    private func submitter(named name: String, in form: HTMLForm) -> Int? {
        form.controls.firstIndex { $0.name == name }
    }

    func testActionsResolveAgainstBaseHrefAndEmptyActionIsThePage() throws {
        let document = try MarkupDocument.html(Array(Self.page.utf8))
        let locator = FormLocator(document: document, pageURL: "https://csar.sn/demande/new?step=2")
        let all = try locator.allForms()
        XCTAssertEqual(locator.baseURL, "https://csar.sn/app/")
        XCTAssertEqual(
            locator.action(of: all[0], submitter: nil, base: locator.baseURL), "https://csar.sn/app/save?x=1#top")
        XCTAssertEqual(locator.action(of: all[1], submitter: nil, base: locator.baseURL), "https://csar.sn/search")
        var empty = all[1]
        empty.action = " "
        XCTAssertEqual(
            locator.action(of: empty, submitter: nil, base: locator.baseURL), "https://csar.sn/demande/new?step=2")
        XCTAssertEqual(try locator.candidates(.action("https://csar.sn/app/save?x=1")).count, 1)
        XCTAssertEqual(try locator.candidates(.css("form[action='/search']")).first?.controls.first?.value, "riz")
        XCTAssertThrowsError(try locator.candidates(.css("input[name=q]"))) { error in
            XCTAssertTrue("\(error)".contains("selects <input> elements, not a <form>"), "\(error)")
        }
        XCTAssertEqual(locator.inventory(), "the page has 2 forms: form#f (POST save?x=1#top), form (GET /search)")
    }

    func testOverridesReplaceInPlaceAddRemoveAndAttach() throws {
        let form = HTMLForm(
            method: "post", action: "/x", enctype: nil, id: "f",
            controls: [
                FormControl(kind: .input(type: "hidden"), name: "_token", value: "t"),
                FormControl(kind: .input(type: "text"), name: "tag", value: "a"),
                FormControl(kind: .input(type: "text"), name: "email", value: ""),
                FormControl(kind: .input(type: "text"), name: "tag", value: "b"),
                FormControl(kind: .input(type: "file"), name: "doc"),
                FormControl(kind: .button(type: "submit"), name: "go", label: "Go"),
            ])
        let entries = FormEntryList.entries(of: form, submitter: nil)
        var overrides = FormOverrides(
            fields: [.init(name: "tag", values: ["x", "y"]), .init(name: "email", values: ["e@x.sn"])],
            additions: [("new", ["n"])], remove: ["_token"])
        overrides.files = [("doc", .file(path: "/tmp/d.pdf", filename: "d.pdf", contentType: nil))]
        XCTAssertEqual(
            texts(try overrides.apply(to: entries, of: form)),
            ["tag=x", "tag=y", "email=e@x.sn", "doc=@d.pdf", "new=n"])
        XCTAssertThrowsError(try FormOverrides(remove: ["remember"]).apply(to: entries, of: form)) { error in
            XCTAssertEqual(
                (error as? FormSubmissionError)?.message,
                "'remove' names 'remember', which form#f (POST /x) does not send (it sends: _token, tag, email, doc)")
        }
    }

    /// A user can only fill the fields a form has: a field or file the form lacks is refused, naming what it has
    /// and how to send it anyway; `add:` sends it on purpose.
    func testAFieldOrFileTheFormLacksIsRefusedWithTheFieldsItHas() {
        let form = HTMLForm(
            method: "post", action: "/demandes/nouvelle/", enctype: nil, id: "demande",
            controls: [
                FormControl(kind: .input(type: "hidden"), name: "csrfmiddlewaretoken", value: "t"),
                FormControl(kind: .input(type: "text"), name: "nom_complet"),
                FormControl(kind: .input(type: "checkbox"), name: "accord", value: "oui"),
                FormControl(kind: .button(type: "submit"), name: "envoyer", label: "Envoyer"),
            ])
        let entries = FormEntryList.entries(of: form, submitter: nil)
        let unknown = FormOverrides(fields: [.init(name: "type_demande", values: ["x"], leaveOut: "--var type_field=")])
        XCTAssertThrowsError(try unknown.apply(to: entries, of: form)) { error in
            XCTAssertEqual(
                (error as? FormSubmissionError)?.message,
                "form#demande (POST /demandes/nouvelle/) has no field 'type_demande', so a browser could not send it; "
                    + "its fields: csrfmiddlewaretoken, nom_complet, accord. Name one of them, list 'type_demande' "
                    + "under 'add' to send it anyway, or leave it out with --var type_field= (a field whose name is "
                    + "empty is not sent)")
        }
        var file = FormOverrides()
        file.files = [("piece_jointe", .file(path: "/tmp/d.pdf", filename: "d.pdf", contentType: nil))]
        XCTAssertThrowsError(try file.apply(to: entries, of: form)) { error in
            XCTAssertEqual(
                (error as? FormSubmissionError)?.message,
                "form#demande (POST /demandes/nouvelle/) has no file field 'piece_jointe' to attach a file to; it has "
                    + "no file field at all")
        }
        let checkbox = FormOverrides(fields: [.init(name: "accord", values: ["oui"])], additions: [("extra", ["1"])])
        XCTAssertEqual(
            texts(try checkbox.apply(to: entries, of: form)),
            ["csrfmiddlewaretoken=t", "nom_complet=", "accord=oui", "extra=1"],
            "an unchecked box is a field of the form: setting it checks it")
    }

    /// `required` as a browser checks it before it submits: text, select, checkbox, radio and file; disabled,
    /// read-only and hidden controls are not checked, nor a form with novalidate or a formnovalidate button.
    func testRequiredFieldsLeftEmptyAreFoundAsABrowserFindsThem() {
        let options = [FormOption(value: "", selected: false, disabled: false)]
        var form = HTMLForm(
            method: "post", action: "/x", enctype: "multipart/form-data", id: nil,
            controls: [
                FormControl(kind: .input(type: "text"), name: "objet", required: true),
                FormControl(kind: .input(type: "text"), name: "nom", value: "Awa", required: true),
                FormControl(kind: .select(multiple: false, options: options), name: "region", required: true),
                FormControl(kind: .input(type: "checkbox"), name: "accord", value: "oui", required: true),
                FormControl(kind: .input(type: "file"), name: "piece", required: true),
                FormControl(kind: .input(type: "text"), name: "gele", disabled: true, required: true),
                FormControl(kind: .input(type: "text"), name: "lu", required: true, readOnly: true),
                FormControl(kind: .input(type: "hidden"), name: "cache", required: true),
                FormControl(kind: .textarea, name: "message", value: "", required: true),
            ])
        let entries = FormEntryList.entries(of: form, submitter: nil)
        XCTAssertEqual(
            FormConstraints.missingRequired(in: form, entries: entries, submitter: nil),
            ["objet", "region", "accord", "piece", "message"])
        let filled =
            entries.filter { !["objet", "message"].contains($0.name) } + [
                FormEntry(name: "objet", value: .text("Aide")), FormEntry(name: "message", value: .text("Bonjour")),
            ]
        XCTAssertEqual(
            FormConstraints.missingRequired(in: form, entries: filled, submitter: nil), ["region", "accord", "piece"])
        let skipping = FormControl(kind: .button(type: "submit"), name: "brouillon", formNoValidate: true)
        XCTAssertEqual(FormConstraints.missingRequired(in: form, entries: entries, submitter: skipping), [])
        form.noValidate = true
        XCTAssertEqual(FormConstraints.missingRequired(in: form, entries: entries, submitter: nil), [])
    }

    func testLineBreaksAreSentAsCRLF() {
        XCTAssertEqual(FormEntryList.normalizingLineBreaks("a\nb\rc\r\nd"), "a\r\nb\r\nc\r\nd")
        XCTAssertEqual(FormEntryList.normalizingLineBreaks("plain"), "plain")
    }

    func testReferrerPolicies() {
        let page = "https://user:pw@csar.sn:443/login?next=/admin#top"
        XCTAssertEqual(
            ReferrerPolicy.of(header: [], meta: nil).referrer(from: page, to: "https://csar.sn/login"),
            "https://csar.sn/login?next=/admin", "same origin: the full URL, without credentials or fragment")
        XCTAssertEqual(
            ReferrerPolicy.strictOriginWhenCrossOrigin.referrer(from: page, to: "https://other.sn/x"),
            "https://csar.sn/")
        XCTAssertNil(
            ReferrerPolicy.strictOriginWhenCrossOrigin.referrer(from: page, to: "http://csar.sn/x"),
            "no Referer on a downgrade")
        XCTAssertEqual(
            ReferrerPolicy.of(header: ["no-referrer, bogus, origin"], meta: nil), .origin, "the last known token counts"
        )
        XCTAssertEqual(
            ReferrerPolicy.of(header: ["unsafe-url"], meta: "No-Referrer"), .noReferrer, "the page's meta wins")
        XCTAssertNil(ReferrerPolicy.sameOrigin.referrer(from: page, to: "https://other.sn/"))
        XCTAssertEqual(
            ReferrerPolicy.origin.referrer(from: "http://[::1]:8080/a", to: "http://[::1]:8080/b"), "http://[::1]:8080/"
        )
    }
}
