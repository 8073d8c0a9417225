import DemoSite
import XCTest

/// Decodes `/api/warehouses` the way a map checker would.
struct DemoWarehousePayload: Decodable {
    struct Entry: Decodable {
        let id: Int
        let name: String
        let region: String
        let latitude: Double
        let longitude: Double
        let capacity: Int
    }

    let data: [Entry]
}

final class DemoSiteWarehouseTests: XCTestCase {
    func testWarehousesAreValidJSONInsideSenegal() async throws {
        try await withDemoSite { site in
            let response = try await DemoBrowser(site).get("/api/warehouses")
            XCTAssertEqual(response.status, 200)
            XCTAssertEqual(response.header("Content-Type"), "application/json")
            let payload = try JSONDecoder().decode(DemoWarehousePayload.self, from: Data(response.body))
            XCTAssertGreaterThanOrEqual(payload.data.count, 12)
            XCTAssertEqual(Set(payload.data.map(\.id)).count, payload.data.count)
            for entry in payload.data {
                XCTAssertTrue((12.0...16.8).contains(entry.latitude), entry.name)
                XCTAssertTrue((-17.6 ... -11.3).contains(entry.longitude), entry.name)
                XCTAssertGreaterThan(entry.capacity, 0)
            }
            let dakar = try XCTUnwrap(payload.data.first { $0.region == "Dakar" })
            XCTAssertEqual(dakar.latitude, 14.69, accuracy: 0.01)
            XCTAssertEqual(dakar.longitude, -17.44, accuracy: 0.01)
        }
    }
}
