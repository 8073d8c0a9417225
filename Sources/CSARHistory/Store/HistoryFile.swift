import Foundation
import GRDB

/// How a history file is opened. Readers get a read-only connection that changes nothing: no migration, no
/// journal-mode switch. The writer gets a read-write connection in WAL mode, and only once the file is known
/// to be a history (a foreign SQLite file is refused before anything is switched) and can be written.
enum HistoryFile {
    /// A read-only connection. A WAL-mode file on read-only media (a CI cache or artifact mounted read-only)
    /// cannot get the `-shm` file SQLite reads WAL files through: it is then opened as immutable, which is
    /// exact there since nothing can write to that folder.
    static func openForReading(
        _ path: String, _ configuration: Configuration
    ) throws(HistoryError)
        -> DatabaseQueue
    {
        var configuration = configuration
        configuration.readonly = true
        do {
            return try DatabaseQueue(path: path, configuration: configuration)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CANTOPEN && writeRefusal(path) != nil {
            do {
                return try DatabaseQueue(path: immutableURI(path), configuration: configuration)
            } catch {
                throw HistoryError(path: path, "cannot open it as an SQLite file (\(HistoryStore.describe(error)))")
            }
        } catch {
            throw HistoryError(path: path, "cannot open it as an SQLite file (\(HistoryStore.describe(error)))")
        }
    }

    /// Why `path` cannot be recorded into or pruned, nil when it can: the file or its folder is read-only
    /// (a read-only mount, an immutable attribute, permissions). SQLite writes a WAL file's `-wal` and `-shm`
    /// beside it, so the folder must be writable too.
    static func writeRefusal(_ path: String) -> String? {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if FileManager.default.fileExists(atPath: path), access(path, W_OK) != 0 {
            return "the file is read-only (\(String(cString: strerror(errno))))"
        }
        if access(folder, W_OK) != 0 {
            return "its folder \(folder) is read-only (\(String(cString: strerror(errno)))), and SQLite writes "
                + "the history's -wal and -shm files there"
        }
        return nil
    }

    /// `file:` URI of `path` with `immutable=1` (Debian's SQLite reads URI file names).
    private static func immutableURI(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        return "file:" + (absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute) + "?immutable=1"
    }
}
