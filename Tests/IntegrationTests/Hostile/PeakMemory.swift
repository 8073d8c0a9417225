import Foundation

/// Runs the built binary under a python3 parent that reports its peak resident memory (`ru_maxrss` of its
/// only child), so a test can check that memory stays flat whatever the server sends.
struct PeakMemory {
    var exitCode: Int32
    var output: String
    var peakMegabytes: Double

    private static let wrapper = """
        import resource, subprocess, sys
        done = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120)
        sys.stdout.write(done.stdout.decode("utf-8", "replace"))
        print("\\nPEAK-KB %d EXIT %d" % (resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, done.returncode))
        """

    static func run(_ arguments: [String]) throws -> PeakMemory {
        let run = try CommandLineRun.run(
            ["-c", wrapper, RepositoryPaths.binary.path] + arguments, timeout: 150, executable: "/usr/bin/python3")
        let last = run.stdout.split(separator: "\n").last.map(String.init) ?? ""
        let fields = last.split(separator: " ")
        guard fields.count == 4, let kilobytes = Double(fields[1]), let code = Int32(fields[3]) else {
            return PeakMemory(exitCode: -1, output: run.output, peakMegabytes: .infinity)
        }
        return PeakMemory(exitCode: code, output: run.stdout, peakMegabytes: kilobytes / 1024)
    }
}
