import Chain
import Foundation
import History
import Primitives
import Protocols
import Testing

@testable import Strategies

/// The borrower index over a fake node: chunked scans from the deployment block, a cursor that trails the head by
/// the finality offset, incremental runs, and a reorg inside the unfinal window re-read from the canonical chain.
@Suite struct BorrowerIndexTests {
    /// A node whose logs can be replaced (a reorg) between runs.
    final class FakeNode: LogSource, @unchecked Sendable {
        var logs: [Log] = []
        var requests: [(UInt64, UInt64)] = []
        func logs(_ filter: LogFilter, from: UInt64, to: UInt64) async throws(RPCError) -> [Log] {
            requests.append((from, to))
            return logs.filter { l in
                guard let b = l.blockNumber, b >= from, b <= to else { return false }
                return filter.addresses.isEmpty || filter.addresses.contains(l.address)
            }
        }
    }

    static let pool = try! Address(bytes: [UInt8](repeating: 0x50, count: 20))
    static func user(_ b: UInt8) -> Address { try! Address(bytes: [UInt8](repeating: b, count: 20)) }
    static func borrow(_ u: Address, block: UInt64) -> Log {
        let e = LendingEvents.aave.first { $0.discovers }!
        let pad = [UInt8](repeating: 0, count: 12)
        return Log(
            address: pool,
            topics: [e.topic0, try! Hash32(bytes: pad + user(1).bytes), try! Hash32(bytes: pad + u.bytes),
                try! Hash32(bytes: [UInt8](repeating: 0, count: 32))],
            data: [], blockNumber: block)
    }
    static func repay(_ u: Address, block: UInt64) -> Log {
        let e = LendingEvents.aave.first { $0.signature.hasPrefix("Repay") }!
        let pad = [UInt8](repeating: 0, count: 12)
        return Log(
            address: pool,
            topics: [e.topic0, try! Hash32(bytes: pad + user(1).bytes), try! Hash32(bytes: pad + u.bytes),
                try! Hash32(bytes: pad + u.bytes)],
            data: [], blockNumber: block)
    }

    static func store() throws -> HistoryStore {
        try HistoryStore(path: NSTemporaryDirectory() + "defi-index-\(UInt32.random(in: 0...UInt32.max)).db")
    }

    @Test func scansFromDeploymentInChunksAndTrailsTheHead() async throws {
        let node = FakeNode()
        node.logs = [Self.borrow(Self.user(0xa1), block: 120), Self.borrow(Self.user(0xa2), block: 450),
            Self.repay(Self.user(0xa9), block: 460), Self.borrow(Self.user(0xa1), block: 700)]
        let store = try Self.store()
        let index = BorrowerIndex(
            lendingProtocol: .aaveV3, contracts: [Self.pool], deploymentBlock: 100, finality: 10, chainID: 1,
            fetcher: LogFetcher(maxRange: 250))
        let first = try await index.update(head: 1_000, source: node, store: store)
        #expect(first.fromBlock == 100 && first.toBlock == 1_000 && first.cursor == 990)
        #expect(first.added == 2)  // a Repay alone does not make a borrower; a1 twice is one row
        #expect(node.requests.first?.0 == 100 && node.requests.allSatisfy { $0.1 - $0.0 < 250 })
        let rows = try store.liquidationPositions(protocolName: "aave_v3", chainID: 1).map(\.borrower)
        #expect(Set(rows) == [Self.user(0xa1).checksummed, Self.user(0xa2).checksummed])
        // Incremental: the next run starts after the cursor (the unfinal window is read again).
        node.requests = []
        node.logs.append(Self.borrow(Self.user(0xa3), block: 1_005))
        let second = try await index.update(head: 1_010, source: node, store: store)
        #expect(second.fromBlock == 991 && second.cursor == 1_000 && second.added == 1)
        #expect(node.requests.first?.0 == 991)
    }

    @Test func aReorgInsideTheFinalityWindowIsReadAgain() async throws {
        let node = FakeNode()
        node.logs = [Self.borrow(Self.user(0xb1), block: 95)]
        let store = try Self.store()
        let index = BorrowerIndex(
            lendingProtocol: .aaveV3, contracts: [Self.pool], deploymentBlock: 0, finality: 12, chainID: 1)
        _ = try await index.update(head: 100, source: node, store: store)
        // Blocks 94…100 are replaced: b1's borrow moves to block 97 and b2 appears at 99.
        node.logs = [Self.borrow(Self.user(0xb1), block: 97), Self.borrow(Self.user(0xb2), block: 99)]
        let again = try await index.update(head: 101, source: node, store: store)
        #expect(again.fromBlock == 89)  // cursor was 100 - 12 = 88
        let rows = Set(try store.liquidationPositions(protocolName: "aave_v3", chainID: 1).map(\.borrower))
        #expect(rows == [Self.user(0xb1).checksummed, Self.user(0xb2).checksummed])
    }

    @Test func theCursorAndTheBorrowersAreStoredTogether() throws {
        let store = try Self.store()
        let n = try store.indexBorrowers(
            protocolName: "aave_v3", chainID: 1, borrowers: [Self.user(1).checksummed, Self.user(1).checksummed],
            discoveredAt: 5, cursorName: "c", cursorBlock: 3)
        #expect(n == 1)
        #expect(try store.cursor(name: "c")?.blockNumber == 3)
        // A bad row rejects the whole write: the cursor does not move.
        #expect(throws: HistoryError.self) {
            try store.indexBorrowers(
                protocolName: "aave_v3", chainID: 1, borrowers: ["not an address"], discoveredAt: 6, cursorName: "c",
                cursorBlock: 9)
        }
        #expect(try store.cursor(name: "c")?.blockNumber == 3)
    }
}
