/// One CSAR storage site, as `/api/warehouses` lists it.
struct Warehouse: Sendable {
    let id: Int
    let name: String
    let region: String
    let latitude: Double
    let longitude: Double
    /// Storage capacity in tonnes.
    let capacity: Int

    private init(
        _ id: Int,
        _ name: String,
        _ region: String,
        _ latitude: Double,
        _ longitude: Double,
        _ capacity: Int
    ) {
        self.id = id
        self.name = name
        self.region = region
        self.latitude = latitude
        self.longitude = longitude
        self.capacity = capacity
    }

    /// One regional warehouse per region capital, at the town's coordinates.
    static let catalogue: [Warehouse] = [
        Warehouse(1, "Magasin central de Dakar", "Dakar", 14.6928, -17.4467, 12_000),
        Warehouse(2, "Entrepôt régional de Thiès", "Thiès", 14.7910, -16.9359, 6_500),
        Warehouse(3, "Entrepôt régional de Saint-Louis", "Saint-Louis", 16.0179, -16.4896, 5_000),
        Warehouse(4, "Entrepôt régional de Kaolack", "Kaolack", 14.1652, -16.0726, 7_000),
        Warehouse(5, "Entrepôt régional de Ziguinchor", "Ziguinchor", 12.5681, -16.2719, 4_500),
        Warehouse(6, "Entrepôt régional de Tambacounda", "Tambacounda", 13.7707, -13.6673, 5_500),
        Warehouse(7, "Entrepôt régional de Kolda", "Kolda", 12.8983, -14.9412, 3_000),
        Warehouse(8, "Entrepôt régional de Matam", "Matam", 15.6559, -13.2554, 3_500),
        Warehouse(9, "Entrepôt régional de Louga", "Louga", 15.6144, -16.2286, 4_000),
        Warehouse(10, "Entrepôt régional de Fatick", "Fatick", 14.3390, -16.4041, 2_500),
        Warehouse(11, "Entrepôt régional de Kaffrine", "Kaffrine", 14.1059, -15.5508, 3_000),
        Warehouse(12, "Entrepôt régional de Kédougou", "Kédougou", 12.5605, -12.1747, 2_000),
        Warehouse(13, "Entrepôt régional de Sédhiou", "Sédhiou", 12.7081, -15.5569, 2_000),
        Warehouse(14, "Entrepôt régional de Diourbel", "Diourbel", 14.6550, -16.2340, 4_000),
    ]
}
