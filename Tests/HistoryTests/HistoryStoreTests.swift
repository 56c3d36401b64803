import Foundation
import Testing

@testable import History

@Suite struct HistoryStoreTests {
    @Test func migratesFromEmptyFileAndReportsAppliedNames() throws {
        let temp = try TempStore()
        defer { temp.cleanup() }
        let store = try temp.open()
        #expect(try store.appliedMigrations() == ["v1-initial", "v2-transaction-intents", "v3-execution-deltas", "v4-pnl", "v5-pnl-denormalised"])
        #expect(HistoryStore.knownMigrations == ["v1-initial", "v2-transaction-intents", "v3-execution-deltas", "v4-pnl", "v5-pnl-denormalised"])
        #expect(try store.journalMode() == "wal")
        #expect(FileManager.default.fileExists(atPath: temp.path))
    }

    @Test func reopenIsIdempotentAndKeepsRows() throws {
        let temp = try TempStore()
        defer { temp.cleanup() }
        let record = Fixture.opportunity()
        do {
            let store = try temp.open()
            try store.recordOpportunity(record)
            try store.close()
        }
        let again = try temp.open()
        #expect(try again.appliedMigrations() == ["v1-initial", "v2-transaction-intents", "v3-execution-deltas", "v4-pnl", "v5-pnl-denormalised"])
        #expect(try again.opportunity(id: record.id) == record)
        let third = try temp.open()
        #expect(try third.appliedMigrations() == ["v1-initial", "v2-transaction-intents", "v3-execution-deltas", "v4-pnl", "v5-pnl-denormalised"])
    }

    @Test func createsTheDirectoryPrivately() throws {
        let temp = try TempStore()
        defer { temp.cleanup() }
        _ = try temp.open()
        let directory = (temp.path as NSString).deletingLastPathComponent
        let attributes = try FileManager.default.attributesOfItem(atPath: directory)
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o700)
    }

    @Test func foreignKeysAreEnforced() throws {
        let temp = try TempStore()
        defer { temp.cleanup() }
        let store = try temp.open()
        var execution = Fixture.execution()
        execution.opportunityID = "opp_00"
        #expect(throws: HistoryError.self) { try store.upsertExecution(execution) }
    }

    @Test func defaultPathPrefersAbsoluteXDGDataHome() {
        #expect(
            HistoryStore.defaultPath(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/op"])
                == "/data/defi/history.sqlite")
        #expect(
            HistoryStore.defaultPath(environment: ["HOME": "/home/op"]) == "/home/op/.local/share/defi/history.sqlite")
        // A relative XDG_DATA_HOME is invalid per the XDG spec and ignored.
        #expect(
            HistoryStore.defaultPath(environment: ["XDG_DATA_HOME": "rel", "HOME": "/h"])
                == "/h/.local/share/defi/history.sqlite")
    }

    @Test func openFailsWithTypedErrorWhenParentIsAFile() throws {
        let temp = try TempStore()
        defer { temp.cleanup() }
        try FileManager.default.createDirectory(at: temp.directory, withIntermediateDirectories: true)
        let file = temp.directory.appendingPathComponent("file")
        try Data("x".utf8).write(to: file)
        let error = #expect(throws: HistoryError.self) { try HistoryStore(path: file.path + "/h.sqlite") }
        #expect(error?.code == "history.open")
    }
}

@Suite struct ExecutionDeltaRecordTests {
    @Test func deltasRoundTripAndTheSchemaRejectsBadRows() throws {
        let path = NSTemporaryDirectory() + "defi-deltas-\(UInt32.random(in: 0...UInt32.max)).sqlite"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try HistoryStore(path: path)
        let exe = ExecutionRecord(strategy: "Arbitrage", engine: "flash_swap", createdAt: Date(), chainID: 1)
        try store.upsertExecution(exe)
        let row = ExecutionDeltaRecord(executionID: exe.id, source: "realised",
                                       holder: "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
                                       token: "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512", delta: "-97066843")
        try store.recordExecutionDeltas([row])
        #expect(try store.executionDeltas(id: exe.id) == [row])
        #expect(try store.executionDeltas(id: exe.id, source: "simulated").isEmpty)
        var bad = row
        bad.delta = "1.5"
        #expect(throws: HistoryError.self) { try store.recordExecutionDeltas([bad]) }
        bad = row
        bad.source = "guessed"
        #expect(throws: (any Error).self) { try store.recordExecutionDeltas([bad]) }
    }
}
