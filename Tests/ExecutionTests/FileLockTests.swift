import Foundation
import Testing

@testable import Execution

/// The sweep's cron lock.
@Suite struct FileLockTests {
    /// A first run on a fresh machine: the history directory does not exist yet, and the lock still opens.
    @Test func opensInADirectoryThatDoesNotExistYet() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("defi-lock-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("data/defi/history.sqlite.liquidate.lock").path
        let lock = try FileLock.acquire(path)
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(throws: FileLock.Failure.held(path)) { _ = try FileLock.acquire(path) }
        lock.release()
        try FileLock.acquire(path).release()
    }
}
