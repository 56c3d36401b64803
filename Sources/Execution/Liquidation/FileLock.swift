import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive advisory lock (`flock(LOCK_EX | LOCK_NB)`) on a lock file, held until `release()` or process exit;
/// the kernel drops it when the process dies, so a killed run never leaves a stale lock.
public final class FileLock: @unchecked Sendable {
    /// The lock file.
    public let path: String
    private var fd: Int32

    private init(path: String, fd: Int32) {
        self.path = path
        self.fd = fd
    }

    /// Why the lock could not be taken.
    public enum Failure: Error, Equatable, Sendable {
        /// Another process holds it.
        case held(String)
        /// The lock file cannot be opened (errno).
        case cannotOpen(String, Int32)
    }

    /// Takes the lock at once or fails with `.held` (never waits).
    public static func acquire(_ path: String) throws(Failure) -> FileLock {
        // A first run on a fresh machine: the history directory (and so the lock's) may not exist yet.
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty { try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .cannotOpen(path, errno) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let e = errno
            close(fd)
            if e == EWOULDBLOCK { throw .held(path) }
            throw .cannotOpen(path, e)
        }
        return FileLock(path: path, fd: fd)
    }

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
