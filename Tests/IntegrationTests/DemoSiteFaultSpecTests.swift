import DemoSite
import XCTest

final class DemoSiteFaultSpecTests: XCTestCase {
    func testValidSpecsSetTheSwitches() throws {
        let faults = DemoFaults()
        try faults.apply(spec: "500:/api/warehouses")
        try faults.apply(spec: "500:POST /login")
        try faults.apply(spec: " 500: post /demande ")
        XCTAssertEqual(faults.serverErrorPaths, ["/api/warehouses", "POST /login", "POST /demande"])
        try faults.apply(spec: "latency:/=2500")
        try faults.apply(spec: "latency:POST /login=300")
        XCTAssertEqual(faults.latency, ["/": 2_500, "POST /login": 300])
        try faults.apply(spec: "latency:/=0")
        XCTAssertEqual(faults.latency, ["POST /login": 300])
        for mode in DemoWarehouseFault.allCases {
            try faults.apply(spec: "warehouses:\(mode.rawValue)")
            XCTAssertEqual(faults.warehouses, mode)
        }
        try faults.apply(spec: "csrf:off")
        XCTAssertTrue(faults.csrfDisabled)
        try faults.apply(spec: "maintenance:on")
        XCTAssertEqual(faults.maintenance, .on(secret: nil))
        try faults.apply(spec: "maintenance:SECRET")
        XCTAssertEqual(faults.maintenance, .on(secret: "SECRET"))
        try faults.apply(spec: "maintenance:off")
        XCTAssertEqual(faults.maintenance, .off)
        try faults.apply(spec: "throttle:api=10")
        XCTAssertEqual(faults.apiRequestsPerMinute, 10)
        try faults.apply(spec: "throttle: api = default")
        XCTAssertNil(faults.apiRequestsPerMinute)
        try faults.apply(spec: "500:off")
        try faults.apply(spec: "latency:off")
        XCTAssertTrue(faults.serverErrorPaths.isEmpty)
        XCTAssertTrue(faults.latency.isEmpty)
    }

    func testInvalidSpecsThrowAndChangeNothing() {
        let faults = DemoFaults()
        let invalid = [
            "", "500", "500:", "500:login", "500:PO5T /login", "500:GET /a /b", "latency:/", "latency:/=abc",
            "latency:/=-5", "latency:/=999999999", "warehouses:on-fire", "csrf:maybe", "maintenance:bad secret",
            "maintenance:a/b", "teapot:418", "latency:\u{7}=5", "throttle:api", "throttle:api=0", "throttle:api=x",
            "throttle:web=5", "throttle:api=100001",
        ]
        for spec in invalid {
            XCTAssertThrowsError(try faults.apply(spec: spec), spec) { error in
                XCTAssertTrue(error is DemoFaultSpecError, spec)
                XCTAssertTrue("\(error)".contains("invalid fault"), spec)
            }
        }
        XCTAssertTrue(faults.serverErrorPaths.isEmpty)
        XCTAssertTrue(faults.latency.isEmpty)
        XCTAssertEqual(faults.warehouses, .healthy)
        XCTAssertFalse(faults.csrfDisabled)
        XCTAssertEqual(faults.maintenance, .off)
        XCTAssertNil(faults.apiRequestsPerMinute)
        XCTAssertTrue(DemoFaults.specSyntax.contains("maintenance:SECRET"))
    }
}
