import Hummingbird

extension SiteRoutes {
    /// `GET /api/warehouses`: the map's data source, shaped by the ``DemoWarehouseFault`` switch.
    func registerWarehouses(on router: Router<SiteContext>) {
        router.get("/api/warehouses") { _, _ in
            Respond.jsonText(WarehouseFeed.body(for: state.faults.warehouses))
        }
    }
}
