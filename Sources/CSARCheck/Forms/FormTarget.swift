/// Where and how a form goes: the clicked button's `formaction`, `formmethod` and `formenctype` win.
struct FormTarget {
    /// `GET`, `POST` or `DIALOG`; anything else a browser reads as GET.
    let method: String
    let action: String
    /// `application/x-www-form-urlencoded`, `multipart/form-data` or `text/plain`.
    let enctype: String
    let noReferrer: Bool

    init(form: HTMLForm, submitter: FormControl?, action: String) {
        let method = (submitter?.formMethod ?? form.method ?? "get").lowercased()
        self.method = method == "post" ? "POST" : method == "dialog" ? "DIALOG" : "GET"
        let enctype = (submitter?.formEnctype ?? form.enctype ?? "").lowercased()
        self.enctype =
            ["multipart/form-data", "text/plain"].contains(enctype) ? enctype : "application/x-www-form-urlencoded"
        self.action = action
        noReferrer = form.noReferrer
    }
}
