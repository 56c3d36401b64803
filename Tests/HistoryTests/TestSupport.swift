import Foundation
import Primitives

@testable import History

/// A fresh temporary directory and a store file inside it; removed by `cleanup()`.
struct TempStore {
    let directory: URL
    let path: String

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("defi-history-\(UUID().uuidString)", isDirectory: true)
        path = directory.appendingPathComponent("nested/history.sqlite").path
    }

    func open() throws -> HistoryStore { try HistoryStore(path: path) }

    func cleanup() { try? FileManager.default.removeItem(at: directory) }
}

enum Fixture {
    static let maxU256 = U256.max.description
    static let minI256 = "-57896044618658097711785492504343953926634992332820282019728792003956564819968"
    static let maxI256 = "57896044618658097711785492504343953926634992332820282019728792003956564819967"
    static let blockHash = "0x" + String(repeating: "ab", count: 32)
    static let txHash = "0x" + String(repeating: "cd", count: 32)
    static let weth = "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2"
    static let sender = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266"
    static let pool = "0xb4e16d0168e52d35cacd2c6185b44ac20eb7a1a2"
    /// A whole-second date (the store keeps millisecond precision).
    static func date(_ seconds: Int) -> Date { Date(timeIntervalSince1970: TimeInterval(1_700_000_000 + seconds)) }

    static func opportunity(
        id: String = HistoryID.opportunity(), at seconds: Int = 0, strategy: String = "spatial",
        status: OpportunityStatus = .detected
    ) -> OpportunityRecord {
        OpportunityRecord(
            id: id, createdAt: date(seconds), chainID: 1, blockNumber: 19_000_000, blockHash: blockHash,
            strategy: strategy, route: #"[{"pool":"0x01","dex":"uniswap_v2"}]"#, size: maxU256, tokenIn: weth,
            grossProfit: maxI256, costs: maxU256, netProfit: minI256, netProfitUSD: "-1234.5678",
            snapshot: #"{"block":19000000}"#, status: status)
    }

    static func execution(
        id: String = HistoryID.execution(), at seconds: Int = 0, strategy: String = "spatial",
        state: ExecutionState = .built, netProfit: String? = nil
    ) -> ExecutionRecord {
        ExecutionRecord(
            id: id, strategy: strategy, engine: "flash_loan", createdAt: date(seconds), state: state, chainID: 1,
            netProfit: netProfit)
    }
}
