import Foundation
import XCTest

@testable import CSARCheck

/// Writes sample reports for the headless-browser test (Tests/browser) into the folder named by
/// `CSAR_HTML_SAMPLES_DIR`; does nothing without it, so the unit suite writes no files.
final class HTMLReportSamplesTests: XCTestCase {
    func testWriteSamples() throws {
        guard let folder = ProcessInfo.processInfo.environment["CSAR_HTML_SAMPLES_DIR"], !folder.isEmpty else {
            throw XCTSkip("set CSAR_HTML_SAMPLES_DIR to write the browser test's samples")
        }
        let samples: [(String, RunReport)] = [
            ("passing", try HTMLReportFixtures.passing()),
            ("failing", try HTMLReportFixtures.failing()),
            ("load", try HTMLReportFixtures.load()),
            ("hostile", try HTMLReportHostileFixture.report()),
        ]
        for (name, report) in samples {
            try ReportFile.write(Data(HTMLReport.render(report).utf8), to: "\(folder)/\(name).html")
        }
    }
}
