import Foundation
import XCTest

/// A test case with the hostile server (`Tests/hostile-server`) running and a temporary folder for its
/// scenario files and reports, both fresh for each test and gone after it.
class HostileServerTestCase: XCTestCase {
    var server: HostileServer!
    var folder: URL!

    override func setUpWithError() throws {
        server = try HostileServer.start()
        folder = try TemporaryFolder.make()
    }

    /// Writes `yaml` into the test's folder as `name`; returns the file's path.
    func scenario(_ yaml: String, name: String = "case.yaml") throws -> String {
        let file = folder.appendingPathComponent(name)
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    override func tearDown() {
        server?.stop()
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }
}
