import Chain
import DeFiCore
import Foundation
import History
import Primitives
import Protocols
import Strategies

extension LiquidationSweep {
    /// Maker: index the clippers' auctions (Kick/Take/Redo). Active auctions are not yet priced or taken.
    static func sweepMaker(
        _ request: LiquidationRequest, config: DefiConfig, client: RPCClient, store: HistoryStore,
        summary: inout LiquidationSummary
    ) async throws {
        let p = LendingProtocol.maker
        let name = "maker"
        guard let cfg = config.protocols[name] else { return }
        let chainID = try await chainID(client)
        let head = try await client.blockNumber()
        let view = try await client.pinned(at: .number(head))
        let mc = multicall(config)
        let dog = try address(cfg, "dog", name)
        let vat = try address(cfg, "vat", name)
        let clippers = cfg.addresses.filter { $0.key.hasPrefix("clipper") }.compactMap { try? Address(parsing: $0.value) }
        let index = BorrowerIndex(
            lendingProtocol: p, contracts: clippers, deploymentBlock: cfg.deploymentBlock ?? 0,
            finality: config.liquidation.finalityBlocks, chainID: chainID)
        let update = try await index.update(head: head, source: client, store: store)
        _ = MakerReader(view: view, multicall: mc, dog: dog, vat: vat)
        let checked = try store.liquidationPositions(protocolName: p.rawValue, chainID: chainID).count
        summary.protocols.append(
            LiquidationProtocolSummary(
                lendingProtocol: p, configured: true, block: head, version: nil, index: update, checked: checked,
                liquidatable: 0, healthCheckSeconds: 0, healthCheckRoundTrips: 0))
    }
}
