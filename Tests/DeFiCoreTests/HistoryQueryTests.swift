import Foundation
import History
import Testing

@testable import DeFiCore

@Suite struct HistoryQueryTests {
    static let now = Date(timeIntervalSince1970: 1_780_000_000)

    func store() throws -> (String, HistoryStore) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("defi-hq-\(UUID().uuidString).sqlite")
            .path
        let s = try HistoryStore(path: path)
        for (i, strategy) in ["spatial", "triangular", "spatial"].enumerated() {
            try s.recordOpportunity(
                OpportunityRecord(
                    id: "opp_0\(i)", createdAt: Self.now.addingTimeInterval(Double(i) * 3600), chainID: 1,
                    blockNumber: 100 + UInt64(i), blockHash: "0x" + String(repeating: "ab", count: 32),
                    strategy: strategy,
                    route: "[]", size: "1000", tokenIn: "0x5fbdb2315678afecb367f032d93f642f64180aa3", grossProfit: "10",
                    costs: "3", netProfit: "7", netProfitUSD: "0.5", status: i == 0 ? .expired : .detected))
        }
        try s.upsertExecution(
            ExecutionRecord(
                id: "exe_01", opportunityID: "opp_01", strategy: "triangular", engine: "capital",
                createdAt: Self.now.addingTimeInterval(7200 + 60), state: .included, chainID: 1, blockNumber: 102))
        return (path, s)
    }

    @Test func missingStoreListsNothingAndIsNotCreated() throws {
        let path = "/tmp/defi-hq-missing-\(UUID().uuidString).sqlite"
        #expect(try HistoryQuery.list(HistoryListRequest(path: path)).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func listsNewestFirstAcrossBothTables() throws {
        let (path, _) = try store()
        let ids = try HistoryQuery.list(HistoryListRequest(path: path)).map(\.id)
        #expect(ids == ["exe_01", "opp_02", "opp_01", "opp_00"])
    }

    @Test func filtersByStrategyStatusBlockAndLimit() throws {
        let (path, _) = try store()
        #expect(
            try HistoryQuery.list(HistoryListRequest(path: path, strategy: "spatial")).map(\.id) == [
                "opp_02", "opp_00",
            ])
        #expect(try HistoryQuery.list(HistoryListRequest(path: path, status: "included")).map(\.id) == ["exe_01"])
        #expect(
            try HistoryQuery.list(HistoryListRequest(path: path, since: .block(101), until: .block(102))).map(\.id)
                == ["opp_01"])
        #expect(try HistoryQuery.list(HistoryListRequest(path: path, limit: 1)).map(\.id) == ["exe_01"])
        #expect(throws: UtilityError.self) { try HistoryQuery.list(HistoryListRequest(path: path, status: "bogus")) }
    }

    @Test func boundsParseDatesDurationsAndBlocks() throws {
        #expect(try HistoryBound(parsing: "123", flag: "--since", now: Self.now) == .block(123))
        #expect(
            try HistoryBound(parsing: "2d", flag: "--since", now: Self.now)
                == .date(Self.now.addingTimeInterval(-172_800)))
        #expect(
            try HistoryBound(parsing: "2026-01-01", flag: "--since", now: Self.now)
                == .date(Date(timeIntervalSince1970: 1_767_225_600)))
        #expect(throws: UtilityError.self) { try HistoryBound(parsing: "yesterday", flag: "--since", now: Self.now) }
    }

    @Test func showFindsEitherKindAndUnknownIdsExit1() throws {
        let (path, _) = try store()
        #expect(try HistoryQuery.show(id: "exe_01", path: path).id == "exe_01")
        #expect(try HistoryQuery.show(id: "opp_02", path: path).id == "opp_02")
        do {
            _ = try HistoryQuery.show(id: "opp_ff", path: path)
        } catch {
            #expect(error.exitCode == .failure)
            #expect(error.code == "not_found")
        }
    }
}
