import XCTest

@testable import CSARCheck

/// The `ScenarioError` that `body` throws; nil, with the test failed, when it throws nothing or another error.
func expectScenarioError(
    file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> Void
) -> ScenarioError? {
    do {
        try body()
        XCTFail("expected a scenario error", file: file, line: line)
    } catch let error as ScenarioError {
        return error
    } catch {
        XCTFail("unexpected error \(error)", file: file, line: line)
    }
    return nil
}
