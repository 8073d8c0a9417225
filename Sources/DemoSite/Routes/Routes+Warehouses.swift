import Hummingbird

extension SiteRoutes {
    /// `GET /api/warehouses`: the map's data source, shaped by the ``DemoWarehouseFault`` switch, behind
    /// Laravel's default `throttle:api`.
    func registerWarehouses(on router: Router<SiteContext>) {
        let api = router.group().add(middleware: ThrottleMiddleware(state: state))
        api.get("/api/warehouses") { _, _ in
            Respond.jsonText(WarehouseFeed.body(for: state.faults.warehouses))
        }
    }
}
