import Foundation
import Testing

@testable import History

@Suite struct HistoryStoreTests {
    @Test func migratesFromEmptyFileAndReportsAppliedNames() throws {
        let temp = try TempStore()
        defer { temp.cleanup() }
        let store = try temp.open()
        #expect(try store.appliedMigrations() == ["v1-initial", "v2-transaction-intents"])
        #expect(HistoryStore.knownMigrations == ["v1-initial", "v2-transaction-intents"])
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
        #expect(try again.appliedMigrations() == ["v1-initial", "v2-transaction-intents"])
        #expect(try again.opportunity(id: record.id) == record)
        let third = try temp.open()
        #expect(try third.appliedMigrations() == ["v1-initial", "v2-transaction-intents"])
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
