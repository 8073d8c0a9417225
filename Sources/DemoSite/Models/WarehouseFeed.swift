/// The body of `GET /api/warehouses` for each ``DemoWarehouseFault``.
enum WarehouseFeed {
    static func body(for fault: DemoWarehouseFault) -> String {
        let catalogue = Warehouse.catalogue
        switch fault {
        case .healthy:
            return document(catalogue.map { entry($0) })
        case .brokenJSON:
            // Cut off part-way, as a PHP worker killed mid-response or a full disk would leave it.
            let full = document(catalogue.map { entry($0) })
            return String(full.prefix(full.count * 2 / 5))
        case .empty:
            return document([])
        case .outsideSenegal:
            return document(
                catalogue.map { swapped in
                    entry(swapped, latitude: .double(swapped.longitude), longitude: .double(swapped.latitude))
                })
        case .duplicateIds:
            // The last two warehouses reuse the first two ids, as after a botched import.
            let firstReused = catalogue.count - 2
            return document(
                catalogue.enumerated().map { index, warehouse in
                    entry(warehouse, id: index >= firstReused ? index - firstReused + 1 : warehouse.id)
                })
        case .nonNumericCoordinates:
            return document(
                catalogue.map { place in
                    entry(place, latitude: frenchDecimal(place.latitude), longitude: frenchDecimal(place.longitude))
                })
        }
    }

    private static func document(_ entries: [JSON]) -> String {
        JSON.object([("data", .array(entries))]).serialized
    }

    private static func entry(
        _ warehouse: Warehouse,
        id: Int? = nil,
        latitude: JSON? = nil,
        longitude: JSON? = nil
    ) -> JSON {
        .object([
            ("id", .int(id ?? warehouse.id)),
            ("name", .string(warehouse.name)),
            ("region", .string(warehouse.region)),
            ("latitude", latitude ?? .double(warehouse.latitude)),
            ("longitude", longitude ?? .double(warehouse.longitude)),
            ("capacity", .int(warehouse.capacity)),
        ])
    }

    /// `"14,6928"`: a coordinate as a French-locale number formatter writes it.
    private static func frenchDecimal(_ value: Double) -> JSON {
        .string(String("\(value)".map { $0 == "." ? "," : $0 }))
    }
}
