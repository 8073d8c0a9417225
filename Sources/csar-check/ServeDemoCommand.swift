import ArgumentParser
import DemoSite

/// `csar-check serve-demo`: runs the demo site alone, for trying scenarios by hand.
struct ServeDemoCommand: AsyncParsableCommand, ServesUntilStopped {
    static let configuration = CommandConfiguration(
        commandName: "serve-demo", abstract: "Serve the embedded CSAR demo site on loopback until interrupted."
    )

    @Option(name: .long, help: "Port to listen on (0 picks a free one).")
    var port = 8080

    @Option(name: .long, help: "Address to listen on (loopback only by default).")
    var host = "127.0.0.1"

    @Option(
        name: .long,
        help: ArgumentHelp("Inject a fault (repeatable), e.g. 500:/api/warehouses, latency:/=2500.", valueName: "spec"))
    var fault: [String] = []

    func run() async throws {
        let faults = DemoFaults()
        for spec in fault {
            do { try faults.apply(spec: spec) } catch { throw ValidationError("--fault \(spec): \(error)") }
        }
        var configuration = DemoSiteConfiguration()
        configuration.host = host
        configuration.port = port
        let site = try await DemoSite.start(configuration, faults: faults)
        print("CSAR demo site on \(site.baseURL); Ctrl-C to stop")
        print(
            "Its administrator (a demo account, not a secret): \(configuration.adminEmail) / \(configuration.adminPassword)"
        )
        print("Try: CSAR_ADMIN_EMAIL=\(configuration.adminEmail) CSAR_ADMIN_PASSWORD=\(configuration.adminPassword) \\")
        print("       csar-check gate --base-url \(site.baseURL)")
        while !Task.isCancelled {
            try await Task.sleep(for: .seconds(3600))
        }
    }
}
