import Foundation

// Two builds of one program. `scripts/fuzz.sh` builds it with libFuzzer (`--sanitize=fuzzer -DFUZZING`):
// libFuzzer's own `main` then calls `LLVMFuzzerTestOneInput` for every input. A plain build replays inputs
// (Fuzz/regressions, which the tests replay) and writes the seed corpus (`--seeds SCENARIOS DIR`).
#if FUZZING
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
        FuzzInput.run(data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? [])
        return 0
    }
#else
    @main
    enum FuzzMain {
        static func main() throws {
            let arguments = CommandLine.arguments
            if arguments.count == 4, arguments[1] == "--seeds" {
                let count = try FuzzSeeds.write(from: arguments[2], into: arguments[3])
                print("\(count) seeds written to \(arguments[3])")
                return
            }
            var replayed = 0
            for path in arguments.dropFirst() {
                for file in try inputs(at: path) {
                    FuzzInput.run(Array(try Data(contentsOf: URL(fileURLWithPath: file))))
                    replayed += 1
                }
            }
            print("replayed \(replayed) input(s) without a crash")
        }

        /// The file, or the files of the folder, sorted.
        private static func inputs(at path: String) throws -> [String] {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                FileHandle.standardError.write(Data("no such file or folder: \(path)\n".utf8))
                exit(2)
            }
            guard isDirectory.boolValue else { return [path] }
            return try FileManager.default.contentsOfDirectory(atPath: path).sorted().map { "\(path)/\($0)" }
        }
    }
#endif
