import Foundation
import XCTest

@testable import DemoSite

/// Unit tests of the pieces whose edge cases are awkward to reach over HTTP.
final class DemoSiteInternalsTests: XCTestCase {
    func testHTTPDateMatchesIMFFixdate() {
        XCTAssertEqual(HTTPDate.format(Date(timeIntervalSince1970: 0)), "Thu, 01 Jan 1970 00:00:00 GMT")
        XCTAssertEqual(HTTPDate.format(Date(timeIntervalSince1970: 1_795_546_800)), "Tue, 24 Nov 2026 19:00:00 GMT")
        XCTAssertEqual(HTTPDate.format(Date(timeIntervalSince1970: 951_782_400)), "Tue, 29 Feb 2000 00:00:00 GMT")
    }

    func testDispositionParameters() {
        let parameters = MultipartParser.dispositionParameters(#"form-data; name="doc"; filename="a; b=c.pdf"; x"#)
        XCTAssertEqual(parameters["name"], "doc")
        XCTAssertEqual(parameters["filename"], "a; b=c.pdf")
        XCTAssertEqual(MultipartParser.dispositionParameters("form-data"), [:])
        XCTAssertEqual(MultipartParser.dispositionParameters(#"form-data; name=""#)["name"], "")
        let tooLong = "multipart/form-data; boundary=" + String(repeating: "b", count: 71)
        XCTAssertNil(MultipartParser.boundary(fromContentType: tooLong))
        let quoted = #"multipart/form-data; charset=utf-8; BOUNDARY="x y""#
        XCTAssertEqual(MultipartParser.boundary(fromContentType: quoted), "x y")
    }

    func testFileKindSniffing() {
        XCTAssertEqual(FileKind(sniffing: Array("%PDF-1.7".utf8)), .pdf)
        XCTAssertEqual(FileKind(sniffing: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]), .png)
        XCTAssertEqual(FileKind(sniffing: [0xFF, 0xD8, 0xFF, 0xE0]), .jpg)
        XCTAssertEqual(FileKind(sniffing: Array("Liste\tdes besoins\r\n".utf8)), .txt)
        XCTAssertNil(FileKind(sniffing: []))
        XCTAssertNil(FileKind(sniffing: [0x00, 0x01]))
        XCTAssertNil(FileKind(sniffing: [0xC3, 0x28]))
    }

    func testEmailAddresses() {
        for valid in ["admin@csar.sn", "a.b+tag@sous.domaine.sn", "awa@localhost", "élodie@exemple.sn"] {
            XCTAssertTrue(EmailAddress.isValid(valid), valid)
        }
        let invalidAddresses = [
            "", "@csar.sn", "admin@", "a@@b", "a b@c.sn", "a..b@c.sn", ".a@c.sn", "a@-c.sn", "a@c..sn", "a@c_d.sn",
        ]
        for invalid in invalidAddresses {
            XCTAssertFalse(EmailAddress.isValid(invalid), invalid)
        }
    }

    func testSessionStoreExpiresAndEvicts() {
        let store = SessionStore(capacity: 10)
        let start = Date(timeIntervalSince1970: 1_000_000)
        let session = store.open(id: nil, now: start)
        store.save(session, now: start)
        XCTAssertEqual(store.open(id: session.id, now: start.addingTimeInterval(60)).id, session.id)
        let afterLifetime = start.addingTimeInterval(TimeInterval(SessionStore.lifetimeSeconds + 1))
        let expired = store.open(id: session.id, now: afterLifetime)
        XCTAssertNotEqual(expired.id, session.id)
        for offset in 0..<25 {
            let moment = start.addingTimeInterval(TimeInterval(offset))
            store.save(store.open(id: nil, now: moment), now: moment)
        }
        XCTAssertLessThanOrEqual(store.count, 10)
    }

    func testFlashLastsOneRequest() {
        var data = SessionData()
        var errors = ValidationErrors()
        errors.add("Le champ nom est obligatoire.", to: "nom")
        data.flash = Flash(errors: errors, oldInput: ["nom": "x"])
        let next = Session(id: "id", data: data)
        XCTAssertEqual(next.flashed.errors, errors)
        XCTAssertTrue(next.data.flash.errors.isEmpty, "what was flashed is not carried into the request after")
    }

    func testJSONSerialisationEscapes() {
        let value = JSON.object([
            ("a\"b", .string("l1\nl2\u{1}é/")),
            ("n", .array([.int(1), .double(1.5), .null, .bool(true)])),
        ])
        XCTAssertEqual(value.serialized, #"{"a\"b":"l1\nl2\u0001é/","n":[1,1.5,null,true]}"#)
        XCTAssertEqual(JSON.double(.infinity).serialized, "null")
    }
}
