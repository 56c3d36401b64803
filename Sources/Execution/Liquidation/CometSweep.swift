import Chain
import DeFiCore
import Foundation
import History
import Primitives
import Protocols
import Strategies

extension LiquidationSweep {
    /// Compound III: index the Comet's accounts and health-check them with `CometReader` at one pinned block.
    /// The executor's Liquidator strategy does not speak Comet yet, so liquidatable accounts are reported as
    /// skipped (unsupported).
    static func sweepComet(
        _ request: LiquidationRequest, config: DefiConfig, client: RPCClient, store: HistoryStore,
        summary: inout LiquidationSummary
    ) async throws {
        let p = LendingProtocol.compoundV3
        let name = "compound_v3"
        guard let cfg = config.protocols[name] else { return }
        let chainID = try await chainID(client)
        let head = try await client.blockNumber()
        let view = try await client.pinned(at: .number(head))
        let mc = multicall(config)
        let comet = try address(cfg, "comet", name)
        let index = BorrowerIndex(
            lendingProtocol: p, contracts: [comet], deploymentBlock: cfg.deploymentBlock ?? 0,
            finality: config.liquidation.finalityBlocks, chainID: chainID)
        let update = try await index.update(head: head, source: client, store: store)
        let users = try store.liquidationPositions(protocolName: p.rawValue, chainID: chainID)
            .compactMap { try? Address(parsing: $0.borrower) }
        let reader = CometReader(view: view, multicall: mc, comet: comet)
        let market = try await reader.readMarket()
        let accounts = try await reader.readAccounts(users, market: market)
        var liquidatable: [Address] = []
        for (u, a) in zip(users, accounts) where a.isLiquidatable { liquidatable.append(u) }
        summary.protocols.append(
            LiquidationProtocolSummary(
                lendingProtocol: p, configured: true, block: head, version: nil, index: update, checked: users.count,
                liquidatable: liquidatable.count, healthCheckSeconds: 0, healthCheckRoundTrips: 0))
        for u in liquidatable {
            summary.skipped.append(
                LiquidationSkipped(
                    lendingProtocol: p, user: u,
                    reason: .unsupported("the executor's Liquidator strategy only executes Aave V3 liquidationCall")))
        }
    }
}
