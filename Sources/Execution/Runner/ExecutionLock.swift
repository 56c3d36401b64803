import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive, non-blocking advisory lock (flock) held for the life of the value, so two `defi execute` runs
/// (cron ticks) cannot both send. The kernel drops it when the process dies, so a killed run never leaves it held.
public final class ExecutionLock: @unchecked Sendable {
    /// The lock file.
    public let path: String
    private var fd: Int32

    /// Takes the lock at `path` or throws `.lockHeld` at once.
    public init(path: String) throws(ExecutionError) {
        self.path = path
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty { try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .failure(code: "lock", reason: "cannot open the lock file \(path)") }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            close(fd)
            fd = -1
            throw .lockHeld(path: path)
        }
    }

    /// The lock next to a history database: `<db>.execute.lock`.
    public static func path(forHistory db: String) -> String { db + ".execute.lock" }

    /// Releases the lock (also done on deinit).
    public func release() {
        if fd >= 0 {
            flock(fd, LOCK_UN)
            close(fd)
            fd = -1
        }
    }

    deinit { release() }
}
