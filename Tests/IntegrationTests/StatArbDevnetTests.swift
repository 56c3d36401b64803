import Chain
import Foundation
import History
import Primitives
import Protocols
import Strategies
import Testing

/// Records WETH/USDC mid prices of both V2 venues block by block while pool A's price is moved with real router
/// swaps: small noise, then a large sale of WETH (entry, long the spread), then buying it back (exit). Reverts the
/// chain to an evm_snapshot afterwards. Uses dev account 4. The token probe's devnet test (dev account 3) is in this
/// suite too (TokenProbeDevnetTests.swift), serialized with it.
@Suite(.enabled(if: Devnet.available, Devnet.reason), .serialized)
struct StatArbDevnetTests {
    static let deadline = U256.one << 200

    func send(_ c: RPCClient, from: Address, to: Address, data: [UInt8], value: U256? = nil) async throws -> Receipt {
        var tx: [String: JSONValue] = [
            "from": .address(from), "to": .address(to), "input": .data(data), "gas": .quantity(UInt64(3_000_000)),
        ]
        if let value { tx["value"] = .quantity(value) }
        let h = try await c.call("eth_sendTransaction", [.object(tx)]).hash32("tx hash")
        let r = try #require(try await c.receipt(h))
        #expect(r.succeeded)
        return r
    }

    func abi(_ sig: String, _ args: [ABIValue]) throws -> [UInt8] { try ABIFunction(signature: sig).encodeCall(args) }

    @Test func recordsPricesAndSignalsEntryThenExit() async throws {
        let c = try Devnet.client()
        let me = try QuoteDevnet.account(4)
        let weth = try QuoteDevnet.token("WETH")
        let usdc = try QuoteDevnet.token("USDC")
        let router = try QuoteDevnet.router("uniswap_v2_a")
        let poolA = try Devnet.address("pools", "uniswap_v2_a:WETH/USDC", "address")
        let poolB = try Devnet.address("pools", "uniswap_v2_b:WETH/USDC", "address")
        let path = Devnet.tempPath("statarb") + ".sqlite"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try HistoryStore(path: path)
        let snapshotID = try await c.call("evm_snapshot")
        do {
            _ = try await send(c, from: me, to: weth, data: [0xd0, 0xe3, 0x0d, 0xb0], value: U256(1000) * Units.powerOfTen(18))
            _ = try await send(c, from: me, to: usdc, data: try abi("mint(address,uint256)", [.address(me), .uint(U256(10_000_000) * Units.powerOfTen(6))]))
            for t in [weth, usdc] {
                _ = try await send(c, from: me, to: t, data: try abi("approve(address,uint256)", [.address(router), .uint(.max)]))
            }
            func swap(_ amountIn: U256, _ from: Address, _ to: Address) async throws {
                _ = try await send(
                    c, from: me, to: router,
                    data: try abi(
                        "swapExactTokensForTokens(uint256,uint256,address[],address,uint256)",
                        [.uint(amountIn), .uint(.zero), .array([.address(from), .address(to)]), .address(me), .uint(Self.deadline)]))
            }
            var pair: StatPair?
            var last: UInt64 = 0
            func record() async throws -> UInt64 {
                let view = try await c.pinned()
                let reader = PoolReader(view: view, multicall: try QuoteDevnet.multicall, wordRadius: nil)
                let pools = try await reader.read(tokenA: weth, tokenB: usdc, v2: try QuoteDevnet.v2Venues(), v3: [])
                let snap = MarketSnapshot(
                    chainID: 31337, blockNumber: view.block.number, blockHash: view.block.hash,
                    tokens: [SnapshotToken(address: weth, symbol: "WETH", decimals: 18),
                             SnapshotToken(address: usdc, symbol: "USDC", decimals: 6)],
                    pools: pools)
                #expect(try PriceRecorder.record(snapshot: snap, store: store) == 2)
                pair = StatPair.venuePairs(in: snap).first { Set([$0.a.pool, $0.b.pool]) == Set([poolA, poolB]) }
                return view.block.number
            }
            let th = StatThresholds(lookbackBlocks: 60, entry: 2, exit: 0.5, minObservations: 8)
            func evaluate(_ block: UInt64) throws -> StatSignal {
                let p = try #require(pair)
                let s = try StatisticalArbitrage.evaluate(store: store, pools: [p], thresholds: th, atBlock: block)
                return try #require(s.first)
            }
            // Noise: 12 small swaps alternating direction (2-9 WETH or its USDC worth).
            var rng = QuoteDevnet.RNG(state: 0x57a7)
            for k in 0..<12 {
                let weth = U256(2 + rng.next() % 8) * Units.powerOfTen(18)
                if k % 2 == 0 { try await swap(weth, try QuoteDevnet.token("WETH"), usdc) } else {
                    try await swap(weth / Units.powerOfTen(12) * U256(2000), usdc, try QuoteDevnet.token("WETH"))
                }
                last = try await record()
            }
            let quiet = try evaluate(last)
            #expect(quiet.action == .flat, "after noise: \(quiet)")
            // Observations are exact fractions in the store.
            let rows = try store.prices(pool: poolA.lowercaseHex, blocks: last...last)
            #expect(rows.count == 1 && rows[0].priceDen != nil && rows[0].token0 == weth.lowercaseHex)

            // Sell 400 WETH on venue A: A's WETH price drops ~4% below B's.
            let usdcBefore = try await QuoteDevnet.balance(usdc, of: me, client: c)
            try await swap(U256(400) * Units.powerOfTen(18), weth, usdc)
            let entryBlock = try await record()
            let entry = try evaluate(entryBlock)
            #expect(entry.action == .enter(.long), "entry: \(entry)")
            #expect((entry.zScore ?? 0) < -2 && entry.atomic == false)

            // Buy the WETH back with what the sale paid: the spread reverts.
            let got = try await QuoteDevnet.balance(usdc, of: me, client: c) - usdcBefore
            try await swap(got, usdc, weth)
            let exitBlock = try await record()
            let exit = try evaluate(exitBlock)
            #expect(exit.action == .exit(.long), "exit: \(exit)")
        } catch {
            _ = try? await c.call("evm_revert", [snapshotID])
            throw error
        }
        _ = try await c.call("evm_revert", [snapshotID])
    }
}
