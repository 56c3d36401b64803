import Foundation
import GRDB
import Testing


@testable import History

/// Crash safety: a child process commits rows, then dies with `_exit` in the middle of a big write transaction
/// (its uncommitted pages already spilled into the WAL). Reopening must show every committed row and nothing of the
/// partial transaction.
///
/// How: the parent writes and closes its store, then runs a separate process on the same file: it opens its own
/// connection, commits 10 rows, sets `cache_size = 1` so SQLite spills dirty pages of the open transaction into the
/// WAL, inserts 2000 wide rows and rewrites the parent's rows, then `os._exit(42)` without COMMIT or close.
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
        let walPath = temp.path + "-wal"
        let walBefore = (try? FileManager.default.attributesOfItem(atPath: walPath)[.size] as? Int) ?? 0

        // The child is a separate process (python3's sqlite3 module: the same SQLite file format and WAL rules)
        // that commits, starts a big write and dies with os._exit in the middle of it. A real process, not a
        // fork of this multi-threaded test runner, so no lock held by another test thread can hang it.
        let script = """
            import os, sqlite3, sys
            db = sqlite3.connect(sys.argv[1], isolation_level=None)
            db.executescript(sys.argv[2])
            db.executescript(sys.argv[3])
            os._exit(42)
            """
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        child.arguments = ["python3", "-c", script, temp.path, committed, partial]
        try child.run()
        let deadline = Date().addingTimeInterval(30)
        while child.isRunning && Date() < deadline { usleep(10_000) }
        if child.isRunning {
            child.terminate()
            Issue.record("child did not finish in 30 s")
            return
        }
        #expect(child.terminationStatus == 42, "child status \(child.terminationStatus)")
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
