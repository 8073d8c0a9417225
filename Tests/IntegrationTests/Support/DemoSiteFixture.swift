import CSARCheck
import DemoSite
import Foundation
import XCTest

/// Starts the demo site on an ephemeral loopback port for one test, and runs scenarios against it.
struct DemoSiteFixture {
    let site: RunningDemoSite
    let configuration: DemoSiteConfiguration

    static func start(
        faults: [String] = [], configuration: DemoSiteConfiguration = .init()
    ) async throws -> DemoSiteFixture {
        let demoFaults = DemoFaults()
        for spec in faults { try demoFaults.apply(spec: spec) }
        var configuration = configuration
        configuration.port = 0
        let site = try await DemoSite.start(configuration, faults: demoFaults)
        return DemoSiteFixture(site: site, configuration: configuration)
    }

    /// Runs `body` against a demo site started for it, and stops the site however `body` ends: thrown, failed
    /// or passed, no server outlives its test.
    static func with<Result>(
        faults: [String] = [], configuration: DemoSiteConfiguration = .init(),
        _ body: (DemoSiteFixture) async throws -> Result
    ) async throws -> Result {
        let demo = try await start(faults: faults, configuration: configuration)
        do {
            let result = try await body(demo)
            await demo.stop()
            return result
        } catch {
            await demo.stop()
            throw error
        }
    }

    var baseURL: String { site.baseURL }

    /// The environment a real deployment would give: admin credentials of this demo site.
    var adminEnvironment: [String: String] {
        ["CSAR_ADMIN_EMAIL": configuration.adminEmail, "CSAR_ADMIN_PASSWORD": configuration.adminPassword]
    }

    func run(
        yaml: String, file: String = "inline.yaml", variables: [String: String] = [:],
        environment: [String: String] = [:]
    ) async throws -> ScenarioResult {
        let scenario = try ScenarioLoader(predefinedVariables: Set(variables.keys)).load(text: yaml, file: file)
        return try await run(scenario, variables: variables, environment: environment)
    }

    func run(
        _ scenario: Scenario, variables: [String: String] = [:], environment: [String: String] = [:]
    ) async throws -> ScenarioResult {
        let configuration = RunConfiguration(
            baseURL: baseURL, variables: variables, environment: environment,
            transfer: TransferOptions(connectTimeout: 5, totalTimeout: 10)
        )
        return await DedicatedThread.run { ScenarioRunner(configuration: configuration).run(scenario) }
    }

    func stop() async {
        await site.stop()
    }
}

/// Paths in the repository, found from this file.
enum RepositoryPaths {
    /// Tests/IntegrationTests/Support/ is three folders below it.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func scenario(_ name: String) -> String {
        root.appendingPathComponent("Scenarios/\(name)").path
    }

    /// The built `csar-check` binary, next to the test bundle whatever the build folder.
    static var binary: URL {
        let testBinary = URL(
            fileURLWithPath: CommandLine.arguments.first { $0.contains(".xctest") } ?? CommandLine.arguments[0])
        var folder = testBinary.deletingLastPathComponent()
        while folder.path != "/",
            !FileManager.default.fileExists(atPath: folder.appendingPathComponent("csar-check").path)
        {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("csar-check")
    }
}

extension ScenarioResult {
    func step(_ name: String, file: StaticString = #filePath, line: UInt = #line) -> StepResult? {
        let found = steps.first { $0.name == name }
        if found == nil { XCTFail("no step named \(name)", file: file, line: line) }
        return found
    }
}
