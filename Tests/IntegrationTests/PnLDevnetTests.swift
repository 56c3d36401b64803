import Analytics
import Chain
import DeFiCore
import Foundation
import History
import Primitives
import Testing

/// End to end on the devnet: an Aave flash-loan arbitrage on the planted WETH/USDC spread (profitable) and the same
/// plan with an impossible `minProfit` (reverted) are sent by the executor's owner through Chain's
/// TransactionSender; the deltas read from each receipt must equal the executor's and the sender's balance changes
/// read from the chain, to the wei, gas included; then they are valued (Aave oracle at the block), recorded with
/// PnLRecorder, and `defi pnl`'s service reports the same net. Everything runs inside evm_snapshot/evm_revert.
/// Set PNL_TRANSCRIPT_DB to keep the store (the report's transcript).
@Suite(.enabled(if: Devnet.available, Devnet.reason), .serialized) struct PnLDevnetTests {
    struct Setup {
        let client: RPCClient
        let sender: TransactionSender
        let me, executor, usdc, weth, poolA, poolB, aavePool, oracle: Address
        let store: HistoryStore
        let path: String
    }

    func setup() throws -> Setup {
        let client = try Devnet.client()
        let path = ProcessInfo.processInfo.environment["PNL_TRANSCRIPT_DB"] ?? Devnet.tempPath("pnl") + ".sqlite"
        let store = try HistoryStore(path: path)
        let key = try Devnet.key(0)  // the executor's owner
        let sender = TransactionSender(
            client: client, signer: LocalSigner(key: key, source: "test"), journal: HistoryJournal(store: store),
            chainID: 31337, receiptTimeout: .seconds(30), pollInterval: .milliseconds(50))
        return Setup(
            client: client, sender: sender, me: try Address(bytes: key.addressBytes),
            executor: try Devnet.address("executor", "address"), usdc: try Devnet.address("tokens", "USDC", "address"),
            weth: try Devnet.address("tokens", "WETH", "address"),
            poolA: try Devnet.address("pools", "uniswap_v2_a:WETH/USDC", "address"),
            poolB: try Devnet.address("pools", "uniswap_v2_b:WETH/USDC", "address"),
            aavePool: try Devnet.address("aave_v3", "pool"), oracle: try Devnet.address("aave_v3", "oracle"),
            store: store, path: path)
    }

    func plan(_ s: Setup, amount: U256, minProfit: U256) throws -> [UInt8] {
        try ExecutorPlan(
            flash: FlashSource(kind: .aaveSimple, lender: s.aavePool, asset: s.usdc, amount: amount),
            profitToken: s.usdc, minProfit: minProfit,
            payload: .arbitrage(hops: [
                PlanHop(kind: .uniswapV2, pool: s.poolA, tokenIn: s.usdc, tokenOut: s.weth, amountIn: amount,
                        extra: U256(30)),
                PlanHop(kind: .uniswapV2, pool: s.poolB, tokenIn: s.weth, tokenOut: s.usdc, extra: U256(30)),
            ])
        ).calldata()
    }

    /// Balance of `token` (ether: ExecutionDeltas.native) held by `owner` at `block`.
    func balance(_ s: Setup, _ token: Address, _ owner: Address, _ block: UInt64) async throws -> I256 {
        let v: U256
        if token == ExecutionDeltas.native {
            v = try await s.client.balance(of: owner, at: .number(block))
        } else {
            guard case .success(let d) = try await s.client.call(
                CallRequest(to: token, data: ERC20.balanceOfCall(owner)), at: .number(block)),
                let b = ERC20.decodeUInt(d)
            else { throw PnLError.mismatch("balanceOf failed") }
            v = b
        }
        return try #require(I256(negative: false, magnitude: v))
    }

    /// Sends, checks deltas against balances to the wei, values and records; returns the recorded net.
    func sendAndCheck(_ s: Setup, data: [UInt8], strategy: String, expectSuccess: Bool) async throws -> I256 {
        let out = try await s.sender.send(TxIntent(key: "pnl-\(UUID())", to: s.executor, data: data, gasLimit: 1_500_000))
        let receipt = try #require(out.receipt)
        #expect(receipt.succeeded == expectSuccess)
        let tx = try #require(try await s.client.transaction(out.hash))
        let deltas = try ExecutionDeltas.compute(
            receipt: receipt, transaction: tx, executor: s.executor, wrappedNative: s.weth)
        let b = receipt.blockNumber
        var balanceChange: [Address: I256] = [:]
        for account in [s.me, s.executor] {
            for token in [ExecutionDeltas.native, s.usdc, s.weth] {
                let change = try await balance(s, token, account, b) - balance(s, token, account, b - 1)
                #expect(deltas.delta(account: account, token: token) == change, "\(account) \(token)")
                balanceChange[token, default: .zero] += change
            }
        }
        #expect(deltas.delta(account: s.me, token: ExecutionDeltas.native).magnitude >= receipt.fee)
        let valuation = try await AaveOraclePrices.valuation(
            client: s.client, oracle: s.oracle,
            assets: [.init(token: s.usdc, decimals: 6), .init(token: s.weth, decimals: 18),
                     .init(token: s.weth, decimals: 18, as: ExecutionDeltas.native)], block: b)
        let execution = ExecutionRecord(
            strategy: strategy, engine: "flash_loan", createdAt: Date(), state: .broadcast, chainID: 31337,
            txHash: out.hash.description, nonce: out.nonce, sender: s.me.lowercaseHex, profitToken: s.usdc.lowercaseHex)
        try s.store.upsertExecution(execution)
        let recorded = try PnLRecorder.record(
            store: s.store, execution: execution, deltas: deltas, valuation: valuation, venue: "uniswap_v2_a+uniswap_v2_b")
        // The recorded net is the value of the on-chain balance changes (each token's sum valued once).
        var valuedChange = I256.zero
        for (token, change) in balanceChange where !change.isZero {
            valuedChange += try #require(valuation.prices[token]).value(change)
        }
        #expect(recorded.valued.net == valuedChange)
        #expect(recorded.execution.state == (expectSuccess ? .included : .reverted))
        if expectSuccess {
            #expect(deltas.flashFees.count == 1 && deltas.flashFees[0].source == .aaveV3)
            // Aave V3.3: premium = percentMul(amount, 5 bps), rounding half up.
            #expect(deltas.flashFees.first?.amount == (U256(20_000_000_000) * U256(5) + U256(5000)) / U256(10_000))
            #expect(deltas.combined(token: s.usdc) > .zero)
        } else {
            #expect(deltas.deltas.count == 1 && deltas.flashFees.isEmpty && recorded.valued.gross == .zero)
        }
        return recorded.valued.net
    }

    @Test func realisedPnLEqualsOnChainBalanceChangesToTheWei() async throws {
        let s = try setup()
        guard case .string(let snapshot) = try await s.client.call("evm_snapshot") else {
            Issue.record("evm_snapshot returned no id")
            return
        }
        do {
            try await run(s)
        } catch {
            _ = try? await s.client.call("evm_revert", [.string(snapshot)])
            throw error
        }
        _ = try await s.client.call("evm_revert", [.string(snapshot)])
    }

    func run(_ s: Setup) async throws {
        let amount = U256(20_000_000_000)  // 20 000 USDC flash-borrowed from Aave
        let good = try plan(s, amount: amount, minProfit: .one)
        // Simulate before sending.
        guard case .success = try await s.client.call(CallRequest(from: s.me, to: s.executor, data: good), at: .latest)
        else {
            Issue.record("the planted spread is not profitable at this block")
            return
        }
        let profit = try await sendAndCheck(s, data: good, strategy: "spatial", expectSuccess: true)
        let impossible = try plan(s, amount: amount, minProfit: U256(1_000_000_000_000))
        let loss = try await sendAndCheck(s, data: impossible, strategy: "spatial", expectSuccess: false)
        #expect(loss < .zero)

        let result = try PnLService.run(PnLRequest(path: s.path, grouping: .strategy, performance: true),
                                        config: try ConfigValidator().validate(.emptyMapping))
        let line = try #require(result.table.lines.first { $0.key == "spatial" })
        if ProcessInfo.processInfo.environment["PNL_TRANSCRIPT_DB"] == nil {
            #expect(line.count == 2 && line.net == profit + loss && line.wins == 1)
        }
    }
}
