import Foundation
import GRDB
import GRDBSQLite
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@testable import History

/// Crash safety: a forked child process commits rows, then dies with `_exit` in the middle of a big write
/// transaction (its uncommitted pages already spilled into the WAL). Reopening must show every committed row
/// and nothing of the partial transaction.
///
/// How: the parent writes and closes its store before `fork()`, so no SQLite connection crosses the fork. The child
/// runs only C calls on strings prepared before the fork (no Swift runtime, no GRDB or libdispatch): it opens its own
/// connection, commits 10 rows, sets `cache_size = 1` so SQLite spills dirty pages of the open transaction into the
/// WAL, inserts 2000 wide rows and rewrites the parent's rows, then `_exit(42)` without COMMIT or close.
@Suite struct CrashSafetyTests {
    @Test func uncommittedWriteOfAKilledProcessLeavesNoTrace() throws {
        let temp = try TempStore()
        defer { temp.cleanup() }
        let parentRows = 20
        do {
            let store = try temp.open()
            for i in 0..<parentRows {
                try store.setCursor(name: "parent-\(i)", chainID: 1, blockNumber: UInt64(1000 + i))
            }
            try store.close()
        }

        let committed = """
            PRAGMA busy_timeout = 5000;
            BEGIN IMMEDIATE;
            INSERT INTO scan_cursors(name, chain_id, block_number, updated_at)
              WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i < 9)
              SELECT 'child-' || i, 1, i, '2024-01-01 00:00:00.000' FROM c;
            COMMIT;
            """
        let partial = """
            PRAGMA cache_size = 1;
            BEGIN IMMEDIATE;
            INSERT INTO scan_cursors(name, chain_id, block_number, updated_at)
              WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i < 1999)
              SELECT 'partial-' || i || '-' || hex(randomblob(200)), 1, i, '2024-01-01 00:00:00.000' FROM c;
            UPDATE scan_cursors SET block_number = 0 WHERE name LIKE 'parent-%';
            """
        let path = Array(temp.path.utf8CString)
        let sql1 = Array(committed.utf8CString)
        let sql2 = Array(partial.utf8CString)
        let walPath = temp.path + "-wal"
        let walBefore = (try? FileManager.default.attributesOfItem(atPath: walPath)[.size] as? Int) ?? 0

        let pid = path.withUnsafeBufferPointer { p in
            sql1.withUnsafeBufferPointer { s1 in
                sql2.withUnsafeBufferPointer { s2 in
                    let pid = fork()
                    if pid == 0 {
                        var db: OpaquePointer?
                        guard sqlite3_open_v2(p.baseAddress, &db, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK else {
                            _exit(2)
                        }
                        guard sqlite3_exec(db, s1.baseAddress, nil, nil, nil) == SQLITE_OK else { _exit(3) }
                        guard sqlite3_exec(db, s2.baseAddress, nil, nil, nil) == SQLITE_OK else { _exit(4) }
                        _exit(42)  // dies inside the open transaction: no COMMIT, no close
                    }
                    return pid
                }
            }
        }
        try #require(pid > 0, "fork failed")

        // Wait at most 10 s; a child stuck on a lock inherited from another test thread is killed and reported.
        var status: Int32 = 0
        var waited = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            if waited >= 1000 {
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                Issue.record("child did not finish in 10 s")
                return
            }
            usleep(10_000)
            waited += 1
        }
        let exited = (status & 0x7f) == 0
        let code = (status >> 8) & 0xff
        #expect(exited && code == 42, "child status \(status)")
        let walAfter = (try? FileManager.default.attributesOfItem(atPath: walPath)[.size] as? Int) ?? 0
        #expect(walAfter > walBefore, "the child wrote frames into the WAL")

        let store = try temp.open()
        let rows = try store.read { db in
            try Row.fetchAll(db, sql: "SELECT name, block_number FROM scan_cursors ORDER BY name")
        }
        let names: [String] = rows.map { $0["name"] }
        #expect(names.filter { $0.hasPrefix("partial-") }.isEmpty)
        #expect(names.filter { $0.hasPrefix("child-") }.count == 10)
        #expect(names.filter { $0.hasPrefix("parent-") }.count == parentRows)
        for i in 0..<parentRows {
            #expect(try store.cursor(name: "parent-\(i)")?.blockNumber == UInt64(1000 + i))
        }
        #expect(try store.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") } == "ok")
        // New writes still work after recovery.
        try store.setCursor(name: "after", chainID: 1, blockNumber: 1)
        #expect(try store.cursor(name: "after")?.blockNumber == 1)
    }
}
