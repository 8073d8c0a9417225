import Hummingbird

extension SiteRoutes {
    /// `GET /carte` and the script it loads.
    func registerCarte(on router: Router<SiteContext>) {
        router.get("/carte") { _, context in
            Respond.html(CartePage.render(csrfToken: context.session.csrfToken, user: context.session.userEmail))
        }
        router.get("/js/carte.js") { _, _ in
            Response(
                status: .ok,
                headers: [
                    .contentType: "application/javascript; charset=utf-8", .cacheControl: "public, max-age=3600",
                ],
                body: ResponseBody(byteBuffer: ByteBuffer(string: CartePage.script))
            )
        }
    }
}
