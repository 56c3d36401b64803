import Chain
import DeFiCore
import Execution
import Foundation
import History
import Primitives
import Protocols
import Testing

/// Every execution suite that sends from the executor's owner or reverts devnet snapshots, nested so that
/// `.serialized` orders them all (not only the tests of each): their evm_snapshot/evm_revert windows must not
/// overlap.
@Suite(.enabled(if: Devnet.available, Devnet.reason), .serialized) struct ExecutionDevnetSuites {}

extension ExecutionDevnetSuites {
    /// Plans through PlanRunner on the devnet: simulate, then execute from the executor's owner (account 0); the
    /// realised profit equals the simulation and the on-chain balance change to the wei. Each test reverts to an
    /// evm_snapshot; the suite is serialized because they all send from account 0.
    @Suite struct ExecutionDevnetTests {
        static func token(_ s: String) throws -> Address { try Devnet.address("tokens", s, "address") }
        static func pool(_ s: String) throws -> Address { try Devnet.address("pools", s, "address") }
        static var executor: Address { get throws { try Devnet.address("executor", "address") } }

        static func reserves(_ pair: Address, _ tokenIn: Address, _ tokenOut: Address, client: RPCClient) async throws
            -> (U256, U256)
        {
            let d = try #require(
                try await client.call(CallRequest(to: pair, data: [0x09, 0x02, 0xf1, 0xac])).returnData)
            let w = try ABIWords(d, function: "getReserves", count: 3)
            let (r0, r1) = (w.uint(0), w.uint(1))
            return tokenIn < tokenOut ? (r0, r1) : (r1, r0)
        }


        static func context(_ c: RPCClient, history: HistoryStore, cap: U256? = nil) throws -> RunContext {
            var ctx = RunContext(
                client: c, chainID: 31337, history: history, fees: FeeOracle(maxGasPrice: cap),
                wrappedNative: try token("WETH"), deadline: .seconds(30), pollInterval: .milliseconds(50))
            ctx.lockPath = ExecutionLock.path(forHistory: history.path)
            return ctx
        }

        /// Borrow WETH from venue A's pair (repaid in USDC via getAmountIn), sell it on venue B.
        static func flashSwapPlan(_ c: RPCClient) async throws -> PlanFile {
            let (weth, usdc) = (try token("WETH"), try token("USDC"))
            let a = try pool("uniswap_v2_a:WETH/USDC"), b = try pool("uniswap_v2_b:WETH/USDC")
            let amountUSDC = U256(39_625_847_270)
            let (ri, ro) = try await reserves(a, usdc, weth, client: c)
            let wethOut = try V2Math.getAmountOut(amountIn: amountUSDC, reserveIn: ri, reserveOut: ro)
            let plan = ExecutorPlan(
                flash: .uniswapV2(
                    pair: a, asset: weth, amount: wethOut, assetIsToken1: !(weth < usdc), repayToken: usdc),
                profitToken: usdc, minProfit: .one,
                payload: .arbitrage(hops: [
                    PlanHop(kind: .uniswapV2, pool: b, tokenIn: weth, tokenOut: usdc, extra: U256(30))
                ]))
            return PlanFile(executor: try executor, strategyName: "Arbitrage", plan: plan, chainID: 31337)
        }

        /// Aave flashLoanSimple USDC: buy WETH on venue A (2000), sell it on venue B (2020).
        static func flashLoanPlan() throws -> PlanFile {
            let (weth, usdc) = (try token("WETH"), try token("USDC"))
            let a = try pool("uniswap_v2_a:WETH/USDC"), b = try pool("uniswap_v2_b:WETH/USDC")
            let aave = try Devnet.address("aave_v3", "pool")
            let plan = ExecutorPlan(
                flash: FlashSource(kind: .aaveSimple, lender: aave, asset: usdc, amount: U256(39_625_847_270)),
                profitToken: usdc, minProfit: .one,
                payload: .arbitrage(hops: [
                    PlanHop(kind: .uniswapV2, pool: a, tokenIn: usdc, tokenOut: weth, extra: U256(30)),
                    PlanHop(kind: .uniswapV2, pool: b, tokenIn: weth, tokenOut: usdc, extra: U256(30)),
                ]))
            return PlanFile(executor: try executor, strategyName: "Arbitrage", plan: plan, chainID: 31337)
        }

        func simulateThenExecute(_ build: (RPCClient) async throws -> PlanFile) async throws {
            try await Devnet.withSnapshot { c in
                let history = try HistoryStore(path: Devnet.tempPath("exec-history"))
                let signer = LocalSigner(key: try Devnet.key(0), source: "test")
                let file = try await build(c)
                let ctx = try Self.context(c, history: history)
                let usdc = try Self.token("USDC")
                let sim = try await PlanRunner.simulate(file, from: signer.address, context: ctx)
                #expect(sim.simulation.succeeded, "\(String(describing: sim.simulation.revertReason))")
                let profit = try #require(sim.profit)
                #expect(profit > .zero)
                // The lens sees the owner gain exactly the returned profit; the executor ends where it started.
                #expect(sim.senderProfitDelta == I256(negative: false, magnitude: profit))
                #expect(sim.simulation.delta(of: usdc, holder: try Self.executor).isZero)

                let before = try await QuoteDevnet.balance(usdc, of: signer.address, client: c)
                let out = try await PlanRunner.execute(plan: file, signer: signer, context: ctx, engine: "test")
                #expect(out.state == .included)
                let after = try await QuoteDevnet.balance(usdc, of: signer.address, client: c)
                // Same state (automine: the simulation's block is the parent of the inclusion block): to the wei.
                #expect(out.blockNumber == sim.simulation.blockNumber + 1)
                #expect(out.realisedProfit == I256(negative: false, magnitude: profit))
                #expect(after - before == profit)
                let id = try #require(out.executionID)
                let rec = try #require(try history.execution(id: id))
                #expect(rec.state == .included && rec.grossProfit == profit.description)
                #expect(rec.gasUsed == out.gasUsed && rec.txHash == out.txHash?.description)
                let realised = try history.executionDeltas(id: rec.id, source: "realised")
                #expect(
                    realised.contains {
                        $0.token == usdc.checksummed && $0.holder == signer.address.checksummed
                            && $0.delta == profit.description
                    })
                let simulated = try history.executionDeltas(id: rec.id, source: "simulated")
                #expect(simulated.contains { $0.token == usdc.checksummed && $0.delta == profit.description })
                // The estimate bounds the real gas from above (eth_estimateGas searches the smallest sufficient limit).
                let used = try #require(out.gasUsed), estimate = try #require(sim.simulation.gasEstimate)
                #expect(used <= estimate)
                Self.recordGas(file.plan.flash.kind.name, out.gasUsed ?? 0)
            }
        }

        static func recordGas(_ name: String, _ gas: UInt64) {
            FileHandle.standardError.write(Data("execution gas \(name): \(gas)\n".utf8))
        }

        @Test func flashSwapPlanSimulatesThenExecutesToTheWei() async throws {
            try await simulateThenExecute { c in try await Self.flashSwapPlan(c) }
        }

        @Test func aaveFlashLoanPlanSimulatesThenExecutesToTheWei() async throws {
            try await simulateThenExecute { _ in try Self.flashLoanPlan() }
        }
    }

    /// The lens against reality: a raw signed transaction simulated, then sent; the lens's per-token deltas equal the
    /// balance changes the chain shows, and state overrides reach the simulated call.
    @Suite struct SimulationLensDevnetTests {
        @Test func lensDeltasOfARawTransactionEqualTheMinedChange() async throws {
            try await Devnet.withSnapshot { c in
                let weth = try ExecutionDevnetTests.token("WETH")
                let key = try Devnet.key(7)
                let signer = LocalSigner(key: key, source: "test")
                let to = try Address(parsing: "0x00000000000000000000000000000000000000aa")
                // Wrap 3 wei-ETH into WETH, then a raw transfer of 2 to `to`, simulated first.
                _ = try await c.call(
                    "eth_sendTransaction",
                    [
                        .object([
                            "from": .string(signer.address.checksummed), "to": .string(weth.checksummed),
                            "data": .string("0xd0e30db0"), "value": .string("0x3"),
                        ])
                    ])
                let nonce = try await c.transactionCount(of: signer.address)
                let data: [UInt8] =
                    [0xa9, 0x05, 0x9c, 0xbb] + [UInt8](repeating: 0, count: 12) + to.bytes + U256(2).bigEndianBytes
                let tx = Transaction.dynamicFee(
                    chainID: 31337, nonce: nonce, maxPriorityFeePerGas: U256(1_000_000_000),
                    maxFeePerGas: U256(10_000_000_000), gasLimit: 100_000, to: weth, value: .zero,
                    data: data)
                let sim = try await Simulator(client: c).simulate(
                    SimulationRequest(
                        from: signer.address, to: weth, data: data, gasLimit: 100_000, tokens: [weth], holders: [to]))
                #expect(sim.succeeded)
                #expect(sim.delta(of: weth, holder: signer.address) == I256(-2))
                #expect(sim.delta(of: weth, holder: to) == I256(2))
                let before = try await QuoteDevnet.balance(weth, of: to, client: c)
                _ = try await c.sendRawTransaction(try signer.sign(tx))
                let after = try await QuoteDevnet.balance(weth, of: to, client: c)
                #expect(after - before == U256(2))
            }
        }

        @Test func stateOverridesReachTheSimulatedCall() async throws {
            let c = try Devnet.client()
            let usdc = try ExecutionDevnetTests.token("USDC")
            let executor = try ExecutionDevnetTests.executor
            // Find USDC's balance mapping slot from a known holder (pair A), then give the executor 1,000 USDC.
            let pair = try ExecutionDevnetTests.pool("uniswap_v2_a:WETH/USDC")
            let held = try await QuoteDevnet.balance(usdc, of: pair, client: c)
            var slotIndex: UInt64? = nil
            for i in UInt64(0)..<12 {
                let slot = Keccak256.hash([UInt8](repeating: 0, count: 12) + pair.bytes + U256(i).bigEndianBytes)
                let word = try await c.storage(at: usdc, slot: try U256(bigEndian: slot.bytes))
                if (try? U256(bigEndian: word.bytes)) == held { slotIndex = i; break }
            }
            let i = try #require(slotIndex)
            let slot = Keccak256.hash([UInt8](repeating: 0, count: 12) + executor.bytes + U256(i).bigEndianBytes)
            let amount = U256(1_000_000_000)
            let overrides = [usdc: AccountOverride(stateDiff: [slot: try Hash32(bytes: amount.bigEndianBytes)])]
            let sim = try await Simulator(client: c).simulate(
                SimulationRequest(
                    from: executor, to: usdc,
                    data: [0x70, 0xa0, 0x82, 0x31] + [UInt8](repeating: 0, count: 12) + executor.bytes,
                    overrides: overrides, tokens: [usdc]))
            #expect(sim.outcome.returnData == amount.bigEndianBytes)
            #expect(sim.deltas.first { $0.token == usdc }?.before == amount)
        }
    }
}
