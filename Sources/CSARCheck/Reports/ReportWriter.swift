import Foundation

/// Writes every report of a run into one folder, each atomically, with stable names CI can pick up:
/// `junit.xml`, `report.json`, `report.html`.
public struct ReportWriter: Sendable {
    public var directory: String
    /// Renders the HTML report; injected so the writer does not depend on how the page is built.
    public var renderHTML: @Sendable (RunReport) -> String

    public init(directory: String, renderHTML: @escaping @Sendable (RunReport) -> String) {
        self.directory = directory
        self.renderHTML = renderHTML
    }

    public struct Outcome: Sendable {
        public var written: [String] = []
        public var errors: [String] = []
        /// Seconds spent rendering and writing.
        public var duration: Double = 0

        public init() {}
    }

    /// Why reports cannot be written into the folder (created if missing), or nil when they can: checked
    /// before a run, so it does not end without the reports a CI job expects.
    public func problem() -> String? {
        let prefix = "cannot write reports in \(directory)"
        var missing: [String] = []
        var existing = (directory as NSString).standardizingPath
        var isDirectory: ObjCBool = false
        while !FileManager.default.fileExists(atPath: existing, isDirectory: &isDirectory), existing != "/" {
            missing.insert(existing, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
            if existing.isEmpty { existing = "." }
        }
        guard isDirectory.boolValue else { return "\(prefix): \(existing) is a file, not a folder" }
        for folder in missing where mkdir(folder, 0o777) != 0 && errno != EEXIST {
            return "\(prefix): cannot create \(folder): \(String(cString: strerror(errno)))"
        }
        let probe = (directory as NSString).appendingPathComponent(".csar-check-probe-\(getpid())")
        let descriptor = open(probe, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { return "\(prefix): \(String(cString: strerror(errno)))" }
        close(descriptor)
        unlink(probe)
        return nil
    }

    /// The system's reason without Foundation's sentence around it, when there is one.
    private static func reason(_ error: Error) -> String {
        if let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError,
            underlying.domain == NSPOSIXErrorDomain
        {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return error.localizedDescription
    }

    /// Writes the run's three reports; the outcome lists those written and, for the others, why not.
    public func write(_ report: RunReport) -> Outcome {
        Self.write(
            [
                ("junit.xml", { Data(JUnitReport(report: report).xml().utf8) }),
                ("report.json", { try JSONReport.encode(report) }),
                ("report.html", { Data(renderHTML(report).utf8) }),
            ], into: directory)
    }

    /// Renders each named file and writes it into `directory`, atomically; a file that cannot be rendered or
    /// written is listed with the reason and does not stop the others.
    public static func write(_ files: [(name: String, render: () throws -> Data)], into directory: String) -> Outcome {
        let started = Date()
        var outcome = Outcome()
        for (name, render) in files {
            let path = (directory as NSString).appendingPathComponent(name)
            do {
                try ReportFile.write(try render(), to: path)
                outcome.written.append(path)
            } catch {
                outcome.errors.append("cannot write \(path): \(Self.reason(error))")
            }
        }
        outcome.duration = Date().timeIntervalSince(started)
        return outcome
    }
}
