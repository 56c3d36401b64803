import Chain
import DeFiCore
import Execution
import Foundation
import History
import Primitives
import Protocols
import Strategies
import Testing

/// `defi liquidate --protocol maker` against the devnet's dss stand-ins (devnet/standins/maker: Vyper ports of the
/// vat/dog/clip/abaci/spot/join rules; no dss bytecode can be obtained here, so nothing here is checked against
/// real Maker bytecode): after a price move and a bark, and once the auction price has fallen below the market, the
/// sweep takes exactly the running auctions with the slice and DAI the Clipper rules give at the inclusion time,
/// for a realised profit equal to the executor owner's DAI balance change; a second sweep has nothing to do.
@Suite(.enabled(if: Devnet.available, Devnet.reason), .serialized) struct MakerLiquidationDevnetTests {
    static func maker(_ key: String) throws -> Address { try Devnet.address("maker", key) }

    static func request(_ history: String, live: Bool) throws -> LiquidationRequest {
        LiquidationRequest(
            protocols: [.maker], explicit: true, dryRun: !live, minProfit: "1usd", historyPath: history,
            signer: live ? LocalSigner(key: try Devnet.key(0), source: "test") : nil)
    }

    /// Moves WETH to 1800 (the 150 % and 158 % vaults become unsafe), barks them, and lets 2,400 s pass (the
    /// LinearDecrease price is then 2/3 of top = 0.8 × the feed).
    static func auctionsBelowMarket(_ c: RPCClient) async throws {
        try LiquidationDevnetTests.movePrice("WETH", "1800")
        try LiquidationDevnetTests.market(["maker-bark"])
        _ = try await c.call("evm_increaseTime", [.number("2400")])
        _ = try await c.call("evm_mine")
    }

    static func read(_ c: RPCClient, at block: BlockRef = .latest) async throws -> (
        ilk: MakerIlk, clipper: Address, params: MakerClipperParams, sales: [MakerReader.ActiveSale]
    ) {
        let view = try await c.pinned(at: block)
        let reader = MakerReader(
            view: view, multicall: try LiquidationDevnetTests.multicall, dog: try maker("dog"), vat: try maker("vat"))
        let ilk = try await LiquidationSweep.makerIlk(try maker("clipper"), view: view)
        return try await reader.read(ilk: ilk)
    }

    @Test func sweepTakesExactlyTheRunningAuctionsToTheWei() async throws {
        try await Devnet.withSnapshot { c in
            try await Self.auctionsBelowMarket(c)
            let before = try await Self.read(c)
            #expect(before.sales.count == 2 && before.sales.allSatisfy { !$0.needsRedo })
            let vaults = Set(before.sales.map(\.usr))
            let owner = try LiquidationDevnetTests.account(0)
            let dai = try LiquidationDevnetTests.token("DAI")
            let history = Devnet.tempPath("maker-sweep")
            let summary = try await LiquidationSweep.run(try Self.request(history, live: true), config: try LiquidationDevnetTests.config())
            #expect(summary.outcome == .allDone)
            let mk = try #require(summary.protocols.first { $0.lendingProtocol == .maker })
            #expect(mk.liquidatable == 2)
            #expect(Set(summary.executed.map(\.user)) == vaults)
            for e in summary.executed {
                #expect(e.succeeded == true, "\(e.failure ?? "")")
                let hash = try #require(e.txHash)
                let r = try #require(try await c.receipt(hash))
                // The Clipper rules at the inclusion time, from the sale as it was in the block before.
                let prior = try await Self.read(c, at: .number(r.blockNumber - 1))
                let sale = try #require(prior.sales.first { $0.usr == e.user })
                let included = try await c.block(.number(r.blockNumber))
                let take = try MakerClipper.take(
                    sale.sale, amt: e.debtToCoverArgument, max: .max,
                    params: prior.params, now: U256(included.timestamp))
                #expect(e.actualCollateral == take.slice)
                #expect(e.actualDebtRepaid == (try U256.mulDivRoundingUp(take.owe, .one, MakerMath.ray)))
                // Realised profit = the owner's DAI balance change over the transaction.
                let b0 = try await QuoteDevnet.balance(dai, of: owner, client: c, at: .number(r.blockNumber - 1))
                let b1 = try await QuoteDevnet.balance(dai, of: owner, client: c, at: .number(r.blockNumber))
                #expect(e.realizedProfit == b1 - b0)
                #expect((e.realizedProfit ?? .zero) >= (e.predictedProfit.isNegative ? .zero : e.predictedProfit.magnitude))
            }
            let after = try await Self.read(c)
            #expect(after.sales.isEmpty)
            let again = try await LiquidationSweep.run(try Self.request(history, live: true), config: try LiquidationDevnetTests.config())
            #expect(again.outcome == .nothingToDo && again.executed.isEmpty)
        }
    }

    @Test func dryRunSimulatesAtThePinnedBlockAndSendsNothing() async throws {
        try await Devnet.withSnapshot { c in
            try await Self.auctionsBelowMarket(c)
            let head = try await c.blockNumber()
            let summary = try await LiquidationSweep.run(
                try Self.request(Devnet.tempPath("maker-dry"), live: false), config: try LiquidationDevnetTests.config())
            #expect(summary.executed.count == 2)
            for e in summary.executed {
                #expect(e.txHash == nil)
                #expect(e.simulatedProfit == e.predictedProfit.magnitude && !e.predictedProfit.isNegative)
            }
            #expect(try await c.blockNumber() == head)
            #expect(try await Self.read(c).sales.count == 2)
        }
    }

    @Test func anAuctionAboveTheMarketIsSkippedBelowMinProfit() async throws {
        try await Devnet.withSnapshot { c in
            try LiquidationDevnetTests.movePrice("WETH", "1800")
            try LiquidationDevnetTests.market(["maker-bark"])  // price starts at 120 % of the feed
            let summary = try await LiquidationSweep.run(
                try Self.request(Devnet.tempPath("maker-early"), live: false), config: try LiquidationDevnetTests.config())
            #expect(summary.executed.isEmpty)
            #expect(summary.skipped.filter { $0.lendingProtocol == .maker }.count == 2)
            #expect(summary.skipped.allSatisfy { $0.reason.code == "below_min_profit" })
        }
    }
}
