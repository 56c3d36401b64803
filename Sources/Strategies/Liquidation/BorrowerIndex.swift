import Chain
import History
import Primitives
import Protocols

/// What one index update did.
public struct BorrowerIndexUpdate: Sendable, Equatable {
    /// First block scanned.
    public var fromBlock: UInt64
    /// Last block scanned (the head at the time).
    public var toBlock: UInt64
    /// The cursor stored afterwards (`toBlock - finality`, never below `fromBlock - 1`).
    public var cursor: UInt64
    /// Logs read.
    public var logs: Int
    /// `eth_getLogs` requests made.
    public var requests: Int
    /// Borrowers added to the index by this update.
    public var added: Int
}

/// The borrower index of one protocol deployment in the history store: accounts discovered from the protocol's
/// events from its deployment block, scanned in chunks, with a persisted cursor that trails the head by
/// `finality` blocks. Blocks above the cursor are scanned again on every run, so a reorg of up to `finality`
/// blocks is re-read from the canonical chain; the index only ever adds accounts (a reorged-away account is at
/// worst checked and found without debt), so nothing a reorg does can remove a real borrower.
public struct BorrowerIndex: Sendable {
    /// The protocol.
    public var lendingProtocol: LendingProtocol
    /// The emitting contracts (Aave pool, Comet proxy, Clippers).
    public var contracts: [Address]
    /// Where a fresh index starts (the deployment block from config; 0 scans from genesis).
    public var deploymentBlock: UInt64
    /// Blocks below the head treated as final.
    public var finality: UInt64
    /// The chunked log fetcher.
    public var fetcher: LogFetcher
    /// The chain id rows are stored under.
    public var chainID: UInt64

    /// An index description.
    public init(
        lendingProtocol: LendingProtocol, contracts: [Address], deploymentBlock: UInt64, finality: UInt64,
        chainID: UInt64, fetcher: LogFetcher = LogFetcher(maxRange: 10_000)
    ) {
        self.lendingProtocol = lendingProtocol
        self.contracts = contracts
        self.deploymentBlock = deploymentBlock
        self.finality = finality
        self.chainID = chainID
        self.fetcher = fetcher
    }

    /// The cursor's name in `scan_cursors` (one per protocol, chain and contract set).
    public var cursorName: String {
        "liquidate:\(lendingProtocol.rawValue):\(chainID):" + contracts.map(\.lowercaseHex).sorted().joined(separator: ",")
    }

    /// The blocks the next update scans when the head is `head`: from the cursor + 1 (or the deployment block).
    public func range(head: UInt64, store: HistoryStore) throws(HistoryError) -> ClosedRange<UInt64>? {
        let from = try store.cursor(name: cursorName).map { $0.blockNumber + 1 } ?? deploymentBlock
        return from <= head ? from...head : nil
    }

    /// Scans from the cursor to `head`, stores new borrowers and the new cursor in one transaction.
    public func update(head: UInt64, source: some LogSource, store: HistoryStore) async throws -> BorrowerIndexUpdate {
        guard let r = try range(head: head, store: store) else {
            let c = try store.cursor(name: cursorName)?.blockNumber ?? deploymentBlock
            return BorrowerIndexUpdate(fromBlock: head + 1, toBlock: head, cursor: c, logs: 0, requests: 0, added: 0)
        }
        let (logs, stats) = try await fetcher.fetch(
            LendingEvents.filter(lendingProtocol, contracts: contracts), from: r.lowerBound, to: r.upperBound,
            source: source)
        var seen = Set<Address>()
        var accounts: [String] = []
        for log in logs where !log.removed {
            guard let (a, discovers) = LendingEvents.account(in: log, protocol: lendingProtocol), discovers else {
                continue
            }
            if seen.insert(a).inserted { accounts.append(a.checksummed) }
        }
        let final = head >= finality ? head - finality : 0
        let cursor = max(final, r.lowerBound == 0 ? 0 : r.lowerBound - 1)
        let added = try store.indexBorrowers(
            protocolName: lendingProtocol.rawValue, chainID: chainID, borrowers: accounts, discoveredAt: head,
            cursorName: cursorName, cursorBlock: cursor)
        return BorrowerIndexUpdate(
            fromBlock: r.lowerBound, toBlock: r.upperBound, cursor: cursor, logs: logs.count, requests: stats.requests,
            added: added)
    }
}
